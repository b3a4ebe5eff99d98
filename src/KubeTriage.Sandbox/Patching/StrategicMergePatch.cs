using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Patching;

/// Strategic merge patch for builtin kinds: lists with a merge key are merged item by item, and the
/// $patch (replace/delete), $retainKeys, $deleteFromPrimitiveList and $setElementOrder directives are honoured.
internal static class StrategicMergePatch
{
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject target, JsonObject patch) => MergeMap(target, patch) ?? new JsonObject();

    private static JsonObject? MergeMap(JsonObject original, JsonObject patch)
    {
        switch (patch.Str("$patch"))
        {
            case "replace":
                return (JsonObject?)Strip(patch);
            case "delete":
                return null;
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(JsonHelpers.ScalarText).ToHashSet();
            foreach (var key in original.Select(e => e.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var field = key[DeleteFromPrimitiveList.Length..];
                if (original[field] is JsonArray existing && value is JsonArray remove)
                {
                    var drop = remove.Select(r => r?.ToJsonString()).ToHashSet();
                    foreach (var item in existing.Where(i => drop.Contains(i?.ToJsonString())).ToList())
                    {
                        existing.Remove(item);
                    }
                }

                continue;
            }

            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                original.Remove(key);
            }
            else if (value is JsonObject patchChild && original[key] is JsonObject originalChild)
            {
                var merged = MergeMap(originalChild, patchChild);
                if (merged is null)
                {
                    original.Remove(key);
                }
                else if (!ReferenceEquals(merged, originalChild))
                {
                    original[key] = merged;
                }
            }
            else if (value is JsonArray patchList && original[key] is JsonArray originalList)
            {
                original[key] = MergeList(key, originalList, patchList);
            }
            else if (value is JsonObject { } deleted && deleted.Str("$patch") == "delete")
            {
                original.Remove(key);
            }
            else
            {
                original[key] = Strip(value);
            }
        }

        return original;
    }

    private static JsonArray MergeList(string field, JsonArray original, JsonArray patch)
    {
        var mergeKey = MergeKeys.For(field, patch.Count > 0 ? patch : original);
        if (mergeKey is null)
        {
            if (!MergeKeys.IsPrimitiveSet(field))
            {
                return (JsonArray)Strip(patch)!;
            }

            var union = (JsonArray)original.DeepClone();
            foreach (var item in patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        if (patch.OfType<JsonObject>().Any(p => p.Str("$patch") == "replace"))
        {
            return new JsonArray(patch.OfType<JsonObject>().Where(p => p.Str("$patch") != "replace").Select(p => Strip(p)).ToArray());
        }

        var result = (JsonArray)original.DeepClone();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var key = item[mergeKey];
            var existing = result.OfType<JsonObject>().FirstOrDefault(o => JsonNode.DeepEquals(o[mergeKey], key));
            if (item.Str("$patch") == "delete")
            {
                foreach (var match in result.OfType<JsonObject>().Where(o => JsonNode.DeepEquals(o[mergeKey], key)).ToList())
                {
                    result.Remove(match);
                }
            }
            else if (existing is null)
            {
                result.Add(Strip(item));
            }
            else
            {
                var merged = MergeMap(existing, item);
                var index = result.IndexOf(existing);
                result.RemoveAt(index);
                if (merged is not null)
                {
                    result.Insert(index, merged.Parent is null ? merged : merged.DeepClone());
                }
            }
        }

        return result;
    }

    // New values may not carry directives into the stored object.
    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (!key.StartsWith('$'))
                    {
                        copy[key] = Strip(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Strip).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
