using System.Text.Json;

namespace KubeTriage.Core.Snapshots;

/// <summary>Turns one parsed document (object, v1 List or typed XxxList) into the objects it holds.</summary>
public static class ObjectFlattener
{
    /// <summary>Yields the objects of a document; list items take kind/apiVersion from the list when they lack them.</summary>
    public static IEnumerable<KubeObject> Flatten(JsonElement document, string? kind = null, string? apiVersion = null)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var ownKind = document.Str("kind") ?? kind ?? "";
        var items = document.Prop("items");
        if (items.ValueKind == JsonValueKind.Array && (ownKind == "List" || ownKind.EndsWith("List", StringComparison.Ordinal)))
        {
            var itemKind = ownKind == "List" ? null : ownKind[..^"List".Length];
            var listApiVersion = document.Str("apiVersion") ?? apiVersion;
            foreach (var item in items.EnumerateArray())
            {
                foreach (var nested in Flatten(item, itemKind, listApiVersion))
                {
                    yield return nested;
                }
            }

            yield break;
        }

        if (ownKind.Length > 0)
        {
            yield return new KubeObject(document, kind, apiVersion);
        }
    }
}
