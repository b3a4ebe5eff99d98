using System.Collections.Concurrent;
using KubeTriage.Kubernetes.Collection;

namespace KubeTriage.Server.Investigations;

/// <summary>Shares one live collection per (cluster, namespace) among the investigations of a short window.</summary>
/// <remarks>
/// An alert storm sends dozens of alerts for one namespace within seconds; listing the cluster once for all of
/// them keeps the API server's load flat. Concurrent callers wait on the same collection (single flight); a
/// failed collection is not kept.
/// </remarks>
internal sealed class CollectionCache(IClusterAccess clusters, ServerOptions options, TimeProvider clock, Observability.ServerMetrics metrics)
{
    private readonly ConcurrentDictionary<(string Cluster, string Namespace), Entry> _entries = new();
    private long _collections;

    /// <summary>Gets how many collections actually ran (not served from the cache).</summary>
    public long Collections => Interlocked.Read(ref _collections);

    public async Task<LiveCollection> GetAsync(string cluster, string? ns, CancellationToken ct)
    {
        var key = (cluster, ns ?? "");
        var now = clock.GetUtcNow();
        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => new Entry(now, new Lazy<Task<LiveCollection>>(() => CollectAsync(cluster, ns))));
            if (now - entry.Created > options.CollectionMaxAge && _entries.TryRemove(KeyValuePair.Create(key, entry)))
            {
                continue;
            }

            try
            {
                return await entry.Collection.Value.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
        }
    }

    // The collection runs without the caller's token: other callers may be waiting on it. It has its own deadline.
    private async Task<LiveCollection> CollectAsync(string cluster, string? ns)
    {
        Interlocked.Increment(ref _collections);
        metrics.KubernetesCollections.Add(1);
        using var timeout = new CancellationTokenSource(options.CollectionTimeout);
        var collection = await new LiveClusterCollector(clusters.Get(cluster), cluster).CollectAsync(ns, timeout.Token);
        metrics.KubernetesApiCalls.Add(collection.ApiCalls);
        metrics.KubernetesApiErrors.Add(collection.ApiErrors);
        return collection;
    }

    private sealed record Entry(DateTimeOffset Created, Lazy<Task<LiveCollection>> Collection);
}
