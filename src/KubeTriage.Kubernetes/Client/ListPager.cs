using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Http;

namespace KubeTriage.Kubernetes;

/// <summary>Runs one logical list as a sequence of limit/continue pages and fills in each item's kind and apiVersion.</summary>
internal sealed class ListPager(ApiRequester requester)
{
    public async Task<KubeList> ListAsync(ResourceType type, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        // The continue token can outlive etcd compaction (410 Expired). The server then offers a new token in the
        // Status, but it is marked inconsistent (rv -1): objects changed in between could be missed or duplicated. For a
        // troubleshooting tool a consistent snapshot matters more than speed, so start over once from scratch.
        return await ListOnceAsync(type, ns, options, mayRestart: true, cancellationToken).ConfigureAwait(false)
            ?? (await ListOnceAsync(type, ns, options, mayRestart: false, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<KubeList?> ListOnceAsync(
        ResourceType type, string? ns, ListOptions options, bool mayRestart, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? continueToken = null;
        JsonObject page;
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
                page = await requester.SendJsonAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceExpiredException) when (continueToken is not null && mayRestart)
            {
                return null;
            }

            AddItems(page, items);
            continueToken = Json.GetMetadataString(page, "continue");
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new KubeList
        {
            ResourceVersion = Json.GetMetadataString(page, "resourceVersion") ?? string.Empty,
            Items = items,
            Kind = Json.GetString(page, "kind"),
            ApiVersion = Json.GetString(page, "apiVersion"),
        };
    }

    private static void AddItems(JsonObject page, List<JsonObject> items)
    {
        // Items of a list omit kind/apiVersion on the wire; client-go restores them from the list, and so do we.
        var listKind = Json.GetString(page, "kind");
        var kind = listKind is not null && listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : null;
        var apiVersion = Json.GetString(page, "apiVersion");
        if (page["items"] is not JsonArray array)
        {
            return;
        }

        foreach (var item in array.OfType<JsonObject>().ToList())
        {
            array.Remove(item);
            if (kind is not null && item["kind"] is null)
            {
                item.Insert(0, "kind", kind);
            }

            if (apiVersion is not null && item["apiVersion"] is null)
            {
                item.Insert(1, "apiVersion", apiVersion);
            }

            items.Add(item);
        }
    }
}
