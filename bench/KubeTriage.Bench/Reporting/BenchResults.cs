using KubeTriage.Bench.Phases;

namespace KubeTriage.Bench.Reporting;

/// <summary>Everything one bench run measured; serialized to bench/results/latest.json.</summary>
internal sealed record BenchResults
{
    public required DateTimeOffset MeasuredAt { get; init; }

    public required MachineInfo Machine { get; init; }

    public required ClusterInfo Cluster { get; init; }

    public required PhaseSummary Offline { get; init; }

    public PhaseSummary? Live { get; init; }

    /// <summary>Median live total over median offline total.</summary>
    public double? LiveOverOffline { get; init; }

    public required FaultCheckResult OfflineFaults { get; init; }

    public FaultCheckResult? LiveFaults { get; init; }

    public required TargetResults Targets { get; init; }
}

internal sealed record MachineInfo(int ProcessorCount, string Os, string Runtime, long TotalMemoryBytes);

internal sealed record ClusterInfo(int Seed, int Namespaces, int Nodes, int Deployments, int Pods, int Events, int Objects, int PreviousLogs,
    long SnapshotBytes, double GenerationSeconds, string CaptureTime);

/// <summary>Medians over the runs (peak memory: the highest run), with every run kept.</summary>
internal sealed record PhaseSummary(
    double MedianLoadMs,
    double MedianDiagnoseMs,
    double MedianTotalMs,
    long PeakWorkingSetBytes,
    IReadOnlyList<RunFigures> Runs,
    IReadOnlyDictionary<string, double>? Profile,
    double? SandboxStartupMs,
    IReadOnlyList<string> Warnings)
{
    public static PhaseSummary From(IReadOnlyList<PhaseResult> runs, double? sandboxStartupMs = null) => new(
        Median(runs.Select(r => r.LoadMs)),
        Median(runs.Select(r => r.DiagnoseMs)),
        Median(runs.Select(r => r.TotalMs)),
        runs.Max(r => r.PeakWorkingSetBytes),
        [.. runs.Select(r => new RunFigures(r.LoadMs, r.DiagnoseMs, r.TotalMs, r.PeakWorkingSetBytes, r.AllocatedBytes, r.Gen2Collections, r.RootCauses.Count))],
        runs.FirstOrDefault(r => r.Profile is not null)?.Profile,
        sandboxStartupMs,
        runs[0].Warnings);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

internal sealed record RunFigures(double LoadMs, double DiagnoseMs, double TotalMs, long PeakWorkingSetBytes, long AllocatedBytes, int Gen2Collections, int RootCauses);

internal sealed record TargetResults(bool OfflineTime, bool OfflineMemory, bool? LiveRatio, bool OfflineFaults, bool? LiveFaults);
