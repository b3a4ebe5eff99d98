using System.Diagnostics;
using KubeTriage.Cli.Commands;
using KubeTriage.Core.Engine;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Bench.Phases;

/// <summary>Phase 2, run inside a child process so the sandbox's memory is not counted: the CLI's live diagnose against the sandbox.</summary>
internal static class LivePhase
{
    public static async Task<PhaseResult> RunAsync(string kubeconfig, bool profile, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        // Exactly what `kubetriage diagnose -A` runs: discovery, paginated lists of every kind in parallel, logs of failing pods, diagnosis.
        var report = await DiagnoseCommand.DiagnoseLiveAsync(kubeconfig, null, null, allNamespaces: true, ct);
        var totalMs = total.Elapsed.TotalMilliseconds;
        var peak = PeakMemory.Read();
        return new PhaseResult
        {
            Phase = "live",
            TotalMs = totalMs,
            PeakWorkingSetBytes = peak,
            AllocatedBytes = GC.GetTotalAllocatedBytes(),
            Gen2Collections = GC.CollectionCount(2),
            Objects = report.Target?.Objects ?? 0,
            Warnings = report.Warnings,
            RootCauses = CauseSummaries.From(report),
            Profile = profile ? await ProfileAsync(kubeconfig, ct) : null,
        };
    }

    // A second, split pass: how much of the live time is collection (HTTP + JSON) and how much the engine.
    private static async Task<Dictionary<string, double>> ProfileAsync(string kubeconfig, CancellationToken ct)
    {
        var rules = KubeConfigLoadingRules.FromEnvironment(kubeconfig);
        using var clusters = ClusterConnections.FromEnvironment(rules, null);
        var stopwatch = Stopwatch.StartNew();
        var collection = await new LiveClusterCollector(clusters.Default, clusters.DefaultName).CollectAsync(null, ct);
        var collectMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        _ = new DiagnosisEngine().Diagnose(collection.State, new DiagnosisOptions { CollectionWarnings = collection.Warnings, Capabilities = collection.Capabilities });
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["collect (discovery, lists, logs)"] = collectMs,
            ["diagnose"] = stopwatch.Elapsed.TotalMilliseconds,
            ["logs collected (count, not ms)"] = collection.State.LogCount,
        };
    }
}
