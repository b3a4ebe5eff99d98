using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Http;

namespace KubeTriage.Kubernetes;

/// <summary>Runs one logical list as a sequence of limit/continue pages.</summary>
internal sealed class ListPager(ApiRequester requester)
{
    public async Task<KubeList> ListAsync(ResourceType type, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        var list = await ListElementsAsync(type, ns, options, cancellationToken).ConfigureAwait(false);
        var items = new List<JsonObject>(list.Items.Count);
        foreach (var element in list.Items)
        {
            // Items of a list omit kind/apiVersion on the wire; client-go restores them from the list, and so do we.
            var item = JsonObject.Create(element)!;
            if (list.ItemKind is not null && item["kind"] is null)
            {
                item.Insert(0, "kind", list.ItemKind);
            }

            if (list.ApiVersion is not null && item["apiVersion"] is null)
            {
                item.Insert(1, "apiVersion", list.ApiVersion);
            }

            items.Add(item);
        }

        return new KubeList
        {
            ResourceVersion = list.ResourceVersion,
            Items = items,
            Kind = list.ItemKind is null ? null : list.ItemKind + "List",
            ApiVersion = list.ApiVersion,
        };
    }

    public async Task<KubeElementList> ListElementsAsync(ResourceType type, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        // The continue token can outlive etcd compaction (410 Expired). The server then offers a new token in the
        // Status, but it is marked inconsistent (rv -1): objects changed in between could be missed or duplicated. For a
        // troubleshooting tool a consistent snapshot matters more than speed, so start over once from scratch.
        return await ListOnceAsync(type, ns, options, mayRestart: true, cancellationToken).ConfigureAwait(false)
            ?? (await ListOnceAsync(type, ns, options, mayRestart: false, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<KubeElementList?> ListOnceAsync(
        ResourceType type, string? ns, ListOptions options, bool mayRestart, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? continueToken = null;
        JsonElement page;
        do
        {
            var path = new QueryBuilder(ResourcePaths.Collection(type, ns))
                .Add("labelSelector", options.LabelSelector)
                .Add("fieldSelector", options.FieldSelector)
                .Add("limit", options.Limit > 0 ? options.Limit : null)
                .Add("continue", continueToken)
                .ToString();
            try
            {
                // The documents are not disposed: the returned elements point into them.
                page = (await requester.GetDocumentAsync(path, cancellationToken).ConfigureAwait(false)).RootElement;
            }
            catch (ResourceExpiredException) when (continueToken is not null && mayRestart)
            {
                return null;
            }

            if (page.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object));
            }

            continueToken = Metadata(page, "continue");
        }
        while (!string.IsNullOrEmpty(continueToken));

        var listKind = String(page, "kind");
        return new KubeElementList
        {
            ResourceVersion = Metadata(page, "resourceVersion") ?? string.Empty,
            Items = items,
            ItemKind = listKind is not null && listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : null,
            ApiVersion = String(page, "apiVersion"),
        };
    }

    private static string? Metadata(JsonElement page, string name)
        => page.TryGetProperty("metadata", out var metadata) ? String(metadata, name) : null;

    private static string? String(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
