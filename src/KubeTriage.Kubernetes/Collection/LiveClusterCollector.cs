using System.Collections.Concurrent;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Kubernetes.Collection;

/// <summary>Reads a live cluster into a <see cref="ClusterState"/>: one paginated list per kind, kinds in parallel, logs of failing pods.</summary>
public sealed class LiveClusterCollector(IKubernetesClient client, string clusterName)
{
    private const int Parallelism = 8;
    private const int MaxContainersWithLogs = 150;
    private const int LogTailLines = 200;

    /// <summary>Collects the cluster, limited to one namespace when given (cluster-scoped kinds are always read).</summary>
    public async Task<LiveCollection> CollectAsync(string? ns, CancellationToken cancellationToken)
    {
        var catalog = await client.DiscoverAsync(cancellationToken);
        var warnings = new ConcurrentBag<string>(catalog.Warnings);
        var objects = new ConcurrentBag<KubeObject>();
        var forbidden = new ConcurrentBag<string>();
        var calls = 2 + catalog.Resources.Select(r => (r.Type.Group, r.Type.Version)).Distinct().Count();
        var errors = 0;
        var types = CollectedKinds.All.Select(k => catalog.FindByKind(k.Kind, k.Group)?.Type).OfType<ResourceType>()
            .Concat(catalog.Resources.Where(CollectedKinds.IsCustom).Select(r => r.Type).Take(CollectedKinds.MaxCustomKinds))
            .Distinct()
            .ToList();
        await Parallel.ForEachAsync(types, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (type, ct) =>
        {
            try
            {
                Interlocked.Increment(ref calls);
                var list = await client.ListElementsAsync(type, type.Namespaced ? ns : null, cancellationToken: ct);
                foreach (var item in list.Items)
                {
                    // Secret values are dropped before the object exists anywhere else in the process.
                    var element = type.Kind == "Secret" ? SecretScrubber.Scrub(item) : item;
                    objects.Add(new KubeObject(element, list.ItemKind ?? type.Kind, list.ApiVersion ?? type.ApiVersion));
                }
            }
            catch (KubernetesApiException ex)
            {
                // One kind failing (forbidden, an aggregated API that is down) must not sink the diagnosis.
                Interlocked.Increment(ref errors);
                forbidden.Add(type.QualifiedName);
                warnings.Add($"cannot list {type.QualifiedName}{(ns is null ? "" : $" in namespace {ns}")}: {ex.Message}");
            }
        });

        var all = objects.ToList();
        var (logs, logWarnings, logCalls, logErrors) = await CollectLogsAsync(all, cancellationToken);
        foreach (var w in logWarnings)
        {
            warnings.Add(w);
        }

        var capabilities = new Dictionary<string, string>
        {
            ["kubernetes"] = forbidden.IsEmpty ? "ok" : "partial",
            ["logs"] = logWarnings.Count == 0 ? "ok" : logs.Count > 0 ? "partial" : "unavailable",
            ["prometheus"] = "unavailable",
        };
        var sortedWarnings = warnings.Order(StringComparer.Ordinal).ToList();
        return new LiveCollection(new ClusterState(all, logs, clusterName), sortedWarnings, capabilities)
        {
            ApiCalls = calls + logCalls,
            ApiErrors = errors + logErrors,
        };
    }

    // Logs cost one call per container: failing containers are read first (current and previous instance),
    // then running ones (a healthy-looking operator may still log 403s) until the cap.
    private async Task<(List<ContainerLog> Logs, List<string> Warnings, int Calls, int Errors)> CollectLogsAsync(List<KubeObject> objects, CancellationToken cancellationToken)
    {
        var wanted = objects.Where(o => o.Kind == "Pod").Select(p => new PodView(p))
            .Where(p => !p.IsTerminal)
            .SelectMany(p => p.InitContainers.Concat(p.Containers).Where(c => c.Running || NeedsLogs(c)).Select(c => (Pod: p.Object, Container: c)))
            .OrderBy(item => NeedsLogs(item.Container) ? 0 : 1)
            .ThenBy(item => item.Pod.Namespace, StringComparer.Ordinal).ThenBy(item => item.Pod.Name, StringComparer.Ordinal)
            .Take(MaxContainersWithLogs)
            .ToList();
        var logs = new ConcurrentBag<ContainerLog>();
        var warnings = new ConcurrentBag<string>();
        var calls = 0;
        var errors = 0;
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            foreach (var previous in item.Container.LastTerminated is null ? [false] : new[] { false, true })
            {
                try
                {
                    Interlocked.Increment(ref calls);
                    var text = await client.GetLogsAsync(item.Pod.Namespace!, item.Pod.Name, item.Container.Name, previous, LogTailLines, cancellationToken: ct);
                    logs.Add(new ContainerLog(item.Pod.Namespace!, item.Pod.Name, item.Container.Name, previous, text));
                }
                catch (KubernetesApiException ex) when (ex.StatusCode is 400 or 403 or 404 or 500)
                {
                    Interlocked.Increment(ref errors);
                    if (ex.StatusCode == 403)
                    {
                        warnings.Add($"cannot read logs of {item.Pod.Namespace}/{item.Pod.Name}: {ex.Message}");
                    }
                }
            }
        });
        return ([.. logs], [.. warnings.Distinct()], calls, errors);
    }

    private static bool NeedsLogs(ContainerStatusView c)
        => c.RestartCount > 0 || c.WaitingReason is "CrashLoopBackOff" || (c.Running && !c.Ready) || c.Terminated is { ExitCode: not 0 };
}

/// <summary>What live collection produced: the cluster, warnings and per-source capabilities.</summary>
public sealed record LiveCollection(ClusterState State, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Capabilities)
{
    /// <summary>Gets how many API requests the collection made (discovery counted per group/version).</summary>
    public int ApiCalls { get; init; }

    /// <summary>Gets how many of those requests failed with an API error.</summary>
    public int ApiErrors { get; init; }
}
