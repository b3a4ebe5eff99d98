using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// Name plus a CRD's additionalPrinterColumns, evaluated with the JSONPath subset.
internal sealed class CustomColumnsPrinter : IRowPrinter
{
    private readonly List<(string Path, string Type)> _paths = [];

    public CustomColumnsPrinter(JsonArray definitions)
    {
        var columns = new List<TableColumn> { TableColumn.NameColumn };
        foreach (var definition in definitions.OfType<JsonObject>())
        {
            var type = definition.Str("type") ?? "string";
            columns.Add(new TableColumn(
                definition.Str("name") ?? "",
                definition.Str("description") ?? "",
                (int)(definition.Long("priority") ?? 0),
                definition.Str("format") ?? "",
                type));
            _paths.Add((definition.Str("jsonPath") ?? "", type));
        }

        Columns = columns;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        yield return obj.Name();
        foreach (var (path, type) in _paths)
        {
            var value = JsonPathLite.Evaluate(obj, path).FirstOrDefault();
            if (value is null)
            {
                yield return null;
            }
            else if (type == "date")
            {
                yield return HumanDuration.Since(JsonHelpers.ScalarText(value), now);
            }
            else if (value is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                yield return type == "string" ? JsonHelpers.ScalarText(v) : v.DeepClone();
            }
            else
            {
                yield return JsonHelpers.ScalarText(value) ?? value.ToJsonString();
            }
        }
    }
}
