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

    /// <summary>One page of the list and the list metadata values (resourceVersion, continue, remainingItemCount).
    /// Only the page is touched: the continue key is a binary search, and selectors are evaluated while filling it.</summary>
    public Page Run(ApiRequest request, ObjectStore store)
    {
        var snapshot = store.List(request.Resource.StorageGroup, request.Resource.Plural, request.Namespace);
        var allNamespaces = request.Namespace is null && request.Resource.Namespaced;
        var listRv = snapshot.ResourceVersion;
        var from = snapshot.Start;
        if (request.Param("continue") is { Length: > 0 } token)
        {
            var (tokenRv, start) = ContinueToken.Decode(token);
            if (tokenRv != -1 && tokenRv < store.WindowStart)
            {
                // Like etcd after compaction: offer a token for an inconsistent continuation.
                throw Statuses.Expired(ExpiredMessage, ContinueToken.Encode(-1, start));
            }

            listRv = tokenRv == -1 ? snapshot.ResourceVersion : tokenRv;

            // Within one namespace the token holds the bare name; table keys carry the "ns/" prefix.
            var prefix = request.Resource.Namespaced && request.Namespace is not null ? request.Namespace + "/" : "";
            from = snapshot.After(prefix + start);
        }

        var limit = request.LongParam("limit") ?? 0;
        var items = HasSelectors ? Select(snapshot, from, limit) : Slice(snapshot, from, limit);
        string? next = null;
        long? remaining = null;
        if (items.More)
        {
            next = ContinueToken.Encode(listRv, items.Page[^1].Key.ListKey(allNamespaces) + "\0");
            if (!HasSelectors)
            {
                remaining = snapshot.End - from - limit;
            }
        }

        return new Page(items.Page, listRv, next, remaining);
    }

    private static (List<StoredObject> Page, bool More) Slice(ListSnapshot snapshot, int from, long limit)
    {
        var available = snapshot.End - from;
        var more = limit > 0 && available > limit;
        var count = more ? (int)limit : available;
        return (new List<StoredObject>(new ArraySegment<StoredObject>(snapshot.Items, from, count)), more);
    }

    // Scans only until the page is full and one more match shows there is a next page.
    private (List<StoredObject> Page, bool More) Select(ListSnapshot snapshot, int from, long limit)
    {
        var page = new List<StoredObject>();
        for (var i = from; i < snapshot.End; i++)
        {
            var item = snapshot.Items[i];
            if (!Matches(item.Object))
            {
                continue;
            }

            if (limit > 0 && page.Count == limit)
            {
                return (page, true);
            }

            page.Add(item);
        }

        return (page, false);
    }

    /// <summary>Stored objects (shared, read-only) of the page.</summary>
    public sealed record Page(List<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
}
