using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Support;

/// Compares the SHAPE of two JSON documents: the same keys and JSON types recursively. Values are ignored
/// (uids, timestamps, resourceVersions, tokens), managedFields contents are ignored, and an array's shape is
/// the set of its distinct element shapes.
internal static class JsonShape
{
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    public static string Signature(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{KeySignature(e.Key, e.Value)}")) + "}",
        JsonArray array => "[" + string.Join("|", array.Select(Signature).Distinct().Order(StringComparer.Ordinal)) + "]",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "?",
    };

    private static string KeySignature(string key, JsonNode? value) => key == "managedFields" && value is JsonArray ? "managedFields" : Signature(value);

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(x => x.Key).Except(a.Select(x => x.Key)))
            {
                differences.Add($"{path}.{key}: missing");
            }

            foreach (var key in a.Select(x => x.Key).Except(e.Select(x => x.Key)))
            {
                differences.Add($"{path}.{key}: unexpected");
            }

            foreach (var (key, value) in e)
            {
                if (a.ContainsKey(key) && !(key == "managedFields" && value is JsonArray && a[key] is JsonArray))
                {
                    Compare(value, a[key], $"{path}.{key}", differences);
                }
            }

            return;
        }

        if (expected is JsonArray ea && actual is JsonArray aa)
        {
            if (ea.Count == 0 || aa.Count == 0)
            {
                if (ea.Count != aa.Count)
                {
                    differences.Add($"{path}: {ea.Count} items expected, {aa.Count} found");
                }

                return;
            }

            var expectedShapes = ea.GroupBy(Signature).ToDictionary(g => g.Key, g => g.First());
            var actualShapes = aa.GroupBy(Signature).ToDictionary(g => g.Key, g => g.First());
            if (expectedShapes.Count == 1 && actualShapes.Count == 1)
            {
                Compare(expectedShapes.Values.First(), actualShapes.Values.First(), path + "[]", differences);
                return;
            }

            foreach (var missing in expectedShapes.Keys.Except(actualShapes.Keys))
            {
                differences.Add($"{path}[]: no item shaped {Truncate(missing)}");
            }

            foreach (var extra in actualShapes.Keys.Except(expectedShapes.Keys))
            {
                differences.Add($"{path}[]: unexpected item shaped {Truncate(extra)}");
            }

            return;
        }

        if (Signature(expected) != Signature(actual))
        {
            differences.Add($"{path}: expected {Truncate(Signature(expected))}, found {Truncate(Signature(actual))}");
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
