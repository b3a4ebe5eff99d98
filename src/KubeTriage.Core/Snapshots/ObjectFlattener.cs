using System.Text.Json;

namespace KubeTriage.Core.Snapshots;

/// <summary>Turns one parsed document (object, v1 List or typed XxxList) into the objects it holds.</summary>
public static class ObjectFlattener
{
    private const int ParallelThreshold = 5000;

    private static bool IsList(JsonElement element)
        => element.Prop("items").ValueKind == JsonValueKind.Array && (element.Str("kind") ?? "").EndsWith("List", StringComparison.Ordinal);

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
            var elements = items.EnumerateArray().ToArray();
            if (elements.Length >= ParallelThreshold && elements.All(e => e.ValueKind == JsonValueKind.Object && !IsList(e)))
            {
                // A big list (the events of a whole cluster) is wrapped on all cores; order is kept.
                var wrapped = new KubeObject[elements.Length];
                Parallel.For(0, elements.Length, i => wrapped[i] = new KubeObject(elements[i], itemKind, listApiVersion));
                foreach (var obj in wrapped)
                {
                    yield return obj;
                }

                yield break;
            }

            foreach (var item in elements)
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
