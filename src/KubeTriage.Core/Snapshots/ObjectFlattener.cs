using System.Text.Json.Nodes;

namespace KubeTriage.Core.Snapshots;

/// <summary>Turns one parsed document (object, v1 List or typed XxxList) into the objects it holds.</summary>
public static class ObjectFlattener
{
    /// <summary>Yields the objects of a document; list items get kind/apiVersion from the list when they lack them.</summary>
    public static IEnumerable<JsonObject> Flatten(JsonNode? document)
    {
        if (document is not JsonObject obj)
        {
            yield break;
        }

        var kind = obj["kind"]?.GetValue<string>() ?? "";
        if (obj["items"] is JsonArray items && (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal)))
        {
            var itemKind = kind == "List" ? null : kind[..^"List".Length];
            var apiVersion = obj["apiVersion"]?.GetValue<string>();
            // Detach the items instead of cloning them: the list itself is dropped afterwards.
            var detached = items.OfType<JsonObject>().ToList();
            items.Clear();
            foreach (var copy in detached)
            {
                if (itemKind is not null && copy["kind"] is null)
                {
                    copy.Insert(0, "kind", itemKind);
                }

                if (apiVersion is not null && copy["apiVersion"] is null)
                {
                    copy.Insert(1, "apiVersion", apiVersion);
                }

                foreach (var nested in Flatten(copy))
                {
                    yield return nested;
                }
            }

            yield break;
        }

        if (kind.Length > 0)
        {
            yield return obj;
        }
    }
}
