using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// A printer assembled from column/cell pairs, for the kinds whose columns are one-liners.
internal sealed class SimplePrinter(params (TableColumn Column, Func<JsonObject, DateTimeOffset, JsonNode?> Cell)[] columns) : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } = columns.Select(c => c.Column).ToList();

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now) => columns.Select(c => c.Cell(obj, now));

    public static (TableColumn, Func<JsonObject, DateTimeOffset, JsonNode?>) Name => (TableColumn.NameColumn, (o, _) => o.Name());

    public static (TableColumn, Func<JsonObject, DateTimeOffset, JsonNode?>) Age =>
        (TableColumn.AgeColumn, (o, now) => HumanDuration.Since(o.Obj("metadata").Str("creationTimestamp"), now));
}
