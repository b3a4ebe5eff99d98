using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Patching;

namespace KubeTriage.Sandbox.Objects;

/// Field sets in the managedFields "FieldsV1" encoding (f:field, k:{key}), flattened to leaf paths
/// joined with '\n' so they can be compared and diffed as strings.
internal static class FieldPaths
{
    private const char Separator = '\n';

    /// <summary>Every leaf path of the object's user-settable fields with its JSON value.</summary>
    public static Dictionary<string, string> Leaves(JsonObject obj, bool includeStatus)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "kind" or "apiVersion" || (key == "status" && !includeStatus))
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var field in new[] { "labels", "annotations", "ownerReferences", "finalizers" })
                {
                    if (metadata[field] is { } child)
                    {
                        Walk(child, field, $"f:metadata{Separator}f:{field}", result);
                    }
                }

                continue;
            }

            Walk(value, key, $"f:{key}", result);
        }

        return result;
    }

    /// <summary>Paths whose value differs between two versions of an object (added, removed or changed).</summary>
    public static HashSet<string> Changed(JsonObject? before, JsonObject after, bool includeStatus)
    {
        var old = before is null ? [] : Leaves(before, includeStatus);
        var now = Leaves(after, includeStatus);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in now)
        {
            if (!old.TryGetValue(path, out var previous) || previous != value)
            {
                changed.Add(path);
            }
        }

        foreach (var path in old.Keys.Where(p => !now.ContainsKey(p)))
        {
            changed.Add(path);
        }

        return changed;
    }

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var node = root;
            foreach (var element in path.Split(Separator))
            {
                if (node[element] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[element] = child;
                }

                node = child;
            }
        }

        return root;
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        void Visit(JsonObject node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                if (key == ".")
                {
                    continue;
                }

                var path = prefix.Length == 0 ? key : prefix + Separator + key;
                if (value is JsonObject child && child.Any(c => c.Key != "."))
                {
                    Visit(child, path);
                }
                else
                {
                    result.Add(path);
                }
            }
        }

        if (fields is not null)
        {
            Visit(fields, "");
        }

        return result;
    }

    /// <summary>".spec.template.spec.containers[name=\"app\"].image" as conflict messages print paths.</summary>
    public static string Display(string path)
    {
        var text = "";
        foreach (var element in path.Split(Separator))
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                text += "." + element[2..];
            }
            else if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
            {
                text += "[" + string.Join(",", key.Select(k => $"{k.Key}={k.Value?.ToJsonString()}")) + "]";
            }
            else if (element.StartsWith("v:", StringComparison.Ordinal))
            {
                text += $"[={element[2..]}]";
            }
        }

        return text;
    }

    private static void Walk(JsonNode? node, string field, string path, Dictionary<string, string> result)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                foreach (var (key, value) in map)
                {
                    Walk(value, key, $"{path}{Separator}f:{key}", result);
                }

                break;
            case JsonArray list when MergeKeys.For(field, list) is { } mergeKey && list.All(i => i is JsonObject o && o[mergeKey] is not null):
                foreach (var item in list.OfType<JsonObject>())
                {
                    var keyJson = GoJson.ToText(new JsonObject { [mergeKey] = item[mergeKey]?.DeepClone() });
                    var itemPath = $"{path}{Separator}k:{keyJson}";
                    var leaves = item.Where(e => e.Key != mergeKey).ToList();
                    result[$"{itemPath}{Separator}f:{mergeKey}"] = item[mergeKey]!.ToJsonString();
                    foreach (var (key, value) in leaves)
                    {
                        Walk(value, key, $"{itemPath}{Separator}f:{key}", result);
                    }
                }

                break;
            case JsonArray set when MergeKeys.IsPrimitiveSet(field):
                foreach (var item in set)
                {
                    result[$"{path}{Separator}v:{item?.ToJsonString()}"] = "true";
                }

                break;
            default:
                result[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
