using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tables;

/// Server-side printing of one kind: its columns and the cells of one object.
internal interface IRowPrinter
{
    IReadOnlyList<TableColumn> Columns { get; }

    IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now);
}
