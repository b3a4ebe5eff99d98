using KubeTriage.Core.Diagnosis;
using System.Diagnostics;
using KubeTriage.Core.Engine;
using KubeTriage.Server.Contracts;

namespace KubeTriage.Server.Investigations;

/// <summary>Runs one investigation with the deterministic engine: collect the cluster live, diagnose, account.</summary>
/// <remarks>The LLM coordinator plugs in here when a provider is configured; without one this is the whole answer.</remarks>
internal sealed class InvestigationRunner(IClusterAccess clusters, CollectionCache cache, DiagnosisEngine engine)
{
    public async Task<InvestigationResult> RunAsync(string? cluster, string? ns, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString("n");
        var stopwatch = Stopwatch.StartNew();
        var name = string.IsNullOrEmpty(cluster) ? clusters.DefaultCluster : cluster;
        _ = clusters.Get(name);
        if (progress is not null)
        {
            await progress(new InvestigationProgress("engine", "collect", $"listing objects, events and logs of cluster {name}{(ns is null ? "" : $", namespace {ns}")}"));
        }

        var collection = await cache.GetAsync(name, ns, ct);
        if (progress is not null)
        {
            await progress(new InvestigationProgress("engine", "diagnose", $"{collection.State.All.Count()} objects, {collection.State.LogCount} logs"));
        }

        var report = engine.Diagnose(collection.State, new DiagnosisOptions
        {
            Namespace = ns,
            CollectionWarnings = collection.Warnings,
            Capabilities = collection.Capabilities,
        });
        var elapsed = stopwatch.ElapsedMilliseconds;
        return new InvestigationResult(requestId, report, new InvestigationMetrics
        {
            DurationMs = elapsed,
            Breakdown = [new AgentBreakdown("engine", null, elapsed, new TokenUsage(), 0m)],
        });
    }
}
