using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Core.Model;

namespace KubeTriage.Remediation.Actions;

/// <summary>Renders the difference between an object and what a write makes of it, one changed field per line.</summary>
/// <remarks>
/// Fields are flattened to paths (<c>spec.template.spec.containers[app].resources.limits.memory: 1Gi</c>); list items with a
/// name are addressed by it. Bookkeeping the server changes on every write (managedFields, resourceVersion, generation) is left out.
/// </remarks>
public static class ObjectDiff
{
    private static readonly string[] s_noise = ["metadata.managedFields", "metadata.resourceVersion", "metadata.generation"];

    /// <summary>Returns the changed lines between two versions of one object, under a <c>---</c>/<c>+++</c> header.</summary>
    public static string Between(ObjectRef target, JsonObject before, JsonObject after)
    {
        var old = Flatten(before);
        var next = Flatten(after);
        var oldValues = old.ToDictionary(l => l.Path, l => l.Value, StringComparer.Ordinal);
        var nextValues = next.ToDictionary(l => l.Path, l => l.Value, StringComparer.Ordinal);
        var builder = new StringBuilder()
            .Append("--- ").Append(target).Append(" (live)\n")
            .Append("+++ ").Append(target).Append(" (after)\n");
        foreach (var path in MergedOrder(old, next, oldValues))
        {
            oldValues.TryGetValue(path, out var was);
            nextValues.TryGetValue(path, out var becomes);
            if (was == becomes)
            {
                continue;
            }

            if (was is not null)
            {
                builder.Append("- ").Append(path).Append(": ").Append(was).Append('\n');
            }

            if (becomes is not null)
            {
                builder.Append("+ ").Append(path).Append(": ").Append(becomes).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns the lines for objects a write deletes, one line each.</summary>
    public static string Deletions(IEnumerable<(ObjectRef Target, string Detail)> deleted)
    {
        var builder = new StringBuilder();
        foreach (var (target, detail) in deleted)
        {
            builder.Append("--- ").Append(target).Append(" (live)\n")
                .Append("+++ /dev/null (deleted)\n")
                .Append("- ").Append(target).Append(detail.Length == 0 ? "" : ": " + detail).Append('\n');
        }

        return builder.ToString();
    }

    // Paths of the old object in order, with each new path placed after the path that precedes it in the new object.
    private static List<string> MergedOrder(List<(string Path, string Value)> old, List<(string Path, string Value)> next, Dictionary<string, string> oldValues)
    {
        var order = old.Select(l => l.Path).ToList();
        var previous = -1;
        foreach (var (path, _) in next)
        {
            if (oldValues.ContainsKey(path))
            {
                previous = order.IndexOf(path);
                continue;
            }

            order.Insert(++previous, path);
        }

        return order;
    }

    private static List<(string Path, string Value)> Flatten(JsonObject obj)
    {
        var lines = new List<(string, string)>();
        Walk(obj, "", lines);
        return lines;
    }

    private static void Walk(JsonNode? node, string path, List<(string, string)> lines)
    {
        if (s_noise.Contains(path, StringComparer.Ordinal))
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Walk(value, Join(path, key), lines);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    var label = array[i] is JsonObject item && item["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String
                        ? name.GetValue<string>()
                        : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Walk(array[i], $"{path}[{label}]", lines);
                }

                break;
            case JsonObject:
                lines.Add((path, "{}"));
                break;
            case JsonArray:
                lines.Add((path, "[]"));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                lines.Add((path, value.GetValue<string>()));
                break;
            default:
                lines.Add((path, node?.ToJsonString() ?? "null"));
                break;
        }
    }

    // Keys with dots or slashes (annotations, labels) are quoted so the path stays readable.
    private static string Join(string path, string key)
    {
        var part = key.AsSpan().IndexOfAny(".[]/") >= 0 ? $"[\"{key}\"]" : key;
        return path.Length == 0 ? part : part[0] == '[' ? path + part : $"{path}.{part}";
    }
}
