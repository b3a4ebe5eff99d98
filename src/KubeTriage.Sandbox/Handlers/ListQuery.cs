using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Selectors;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Handlers;

/// Selection and paging of a list request: selectors, limit and continue, evaluated on stored objects.
internal sealed class ListQuery
{
    private const string ExpiredMessage = "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    private ListQuery(LabelSelector labels, FieldSelector fields)
    {
        Labels = labels;
        Fields = fields;
    }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public bool HasSelectors => Labels.Requirements.Count > 0 || !Fields.IsEmpty;

    public static ListQuery From(ApiRequest request) =>
        new(LabelSelector.Parse(request.Param("labelSelector")), FieldSelector.Parse(request.Param("fieldSelector"), request.Resource.Plural));

    public bool Matches(JsonObject stored) => Labels.Matches(stored) && Fields.Matches(stored);

    /// <summary>One page of the list and the list metadata values (resourceVersion, continue, remainingItemCount).</summary>
    public Page Run(ApiRequest request, ObjectStore store)
    {
        var (all, currentRv) = store.List(request.Resource.StorageGroup, request.Resource.Plural, request.Namespace);
        var allNamespaces = request.Namespace is null && request.Resource.Namespaced;
        var items = all.Where(e => Matches(e.Value)).ToList();
        var listRv = currentRv;
        if (request.Param("continue") is { Length: > 0 } token)
        {
            var (tokenRv, start) = ContinueToken.Decode(token);
            if (tokenRv != -1 && tokenRv < store.WindowStart)
            {
                // Like etcd after compaction: offer a token for an inconsistent continuation.
                throw Statuses.Expired(ExpiredMessage, ContinueToken.Encode(-1, start));
            }

            listRv = tokenRv == -1 ? currentRv : tokenRv;
            items = items.Where(e => string.CompareOrdinal(e.Key.ListKey(allNamespaces), start) > 0).ToList();
        }

        var limit = request.LongParam("limit") ?? 0;
        string? next = null;
        long? remaining = null;
        if (limit > 0 && items.Count > limit)
        {
            var page = items.Take((int)limit).ToList();
            next = ContinueToken.Encode(listRv, page[^1].Key.ListKey(allNamespaces) + "\0");
            if (!HasSelectors)
            {
                remaining = items.Count - limit;
            }

            items = page;
        }

        return new Page(items.Select(e => e.Value).ToList(), listRv, next, remaining);
    }

    public sealed record Page(List<JsonObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
}
