using System.Diagnostics;
using KubeTriage.Core.Analysis;
using KubeTriage.Core.Correlation;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Bench.Phases;

/// <summary>Phase 1, run inside a child process: load the snapshot and diagnose it, timing each step.</summary>
internal static class OfflinePhase
{
    public static PhaseResult Run(string directory, bool profile)
    {
        var total = Stopwatch.StartNew();
        var loaded = SnapshotLoader.Load(directory);
        var loadMs = total.Elapsed.TotalMilliseconds;
        var report = new DiagnosisEngine().Diagnose(loaded.State);
        var totalMs = total.Elapsed.TotalMilliseconds;

        // The peak is read before profiling, which would only add to it.
        var peak = PeakMemory.Read();
        return new PhaseResult
        {
            Phase = "offline",
            LoadMs = loadMs,
            DiagnoseMs = totalMs - loadMs,
            TotalMs = totalMs,
            PeakWorkingSetBytes = peak,
            AllocatedBytes = GC.GetTotalAllocatedBytes(),
            Gen2Collections = GC.CollectionCount(2),
            Objects = report.Target?.Objects ?? 0,
            Logs = loaded.State.LogCount,
            Warnings = [.. loaded.Warnings, .. report.Warnings],
            RootCauses = CauseSummaries.From(report),
            Profile = profile ? Profile(directory, loaded) : null,
        };
    }

    // Where the time goes: the load steps, then each analyzer alone (the engine runs them in parallel), then correlation.
    private static Dictionary<string, double> Profile(string directory, SnapshotLoadResult loaded)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        LoadProfiler.Profile(directory, times);
        var now = ReferenceTime.Infer(loaded.State, TimeProvider.System);
        var stopwatch = Stopwatch.StartNew();
        _ = ReferenceTime.Infer(loaded.State, TimeProvider.System);
        times["ReferenceTime.Infer"] = stopwatch.Elapsed.TotalMilliseconds;
        var findings = new List<Core.Diagnosis.Finding>();
        foreach (var analyzer in DefaultAnalyzers.Create())
        {
            var context = new AnalysisContext(loaded.State, now, null);
            stopwatch.Restart();
            analyzer.Analyze(context);
            times["analyzer " + analyzer.Name] = stopwatch.Elapsed.TotalMilliseconds;
            findings.AddRange(context.Findings);
        }

        stopwatch.Restart();
        _ = RootCauseCorrelator.Correlate(loaded.State, findings);
        times["RootCauseCorrelator.Correlate"] = stopwatch.Elapsed.TotalMilliseconds;
        return times;
    }
}
