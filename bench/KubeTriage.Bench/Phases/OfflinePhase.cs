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
        var result = new PhaseResult
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
        };
        if (!profile)
        {
            return result;
        }

        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        ProfileDiagnose(loaded, times);

        // Load steps are timed after the measured snapshot is released, so its heap does not slow them down.
        loaded = null;
        report = null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LoadProfiler.Profile(directory, times);
        return result with { Profile = times };
    }

    // Where diagnose time goes: each analyzer alone (the engine runs them in parallel), then correlation.
    private static void ProfileDiagnose(SnapshotLoadResult loaded, Dictionary<string, double> times)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = ReferenceTime.Infer(loaded.State, TimeProvider.System);
        times["diagnose: ReferenceTime.Infer"] = stopwatch.Elapsed.TotalMilliseconds;
        var findings = new List<Core.Diagnosis.Finding>();
        foreach (var analyzer in DefaultAnalyzers.Create())
        {
            var context = new AnalysisContext(loaded.State, now, null);
            stopwatch.Restart();
            analyzer.Analyze(context);
            times["diagnose: analyzer " + analyzer.Name] = stopwatch.Elapsed.TotalMilliseconds;
            findings.AddRange(context.Findings);
        }

        stopwatch.Restart();
        _ = RootCauseCorrelator.Correlate(loaded.State, findings);
        times["diagnose: RootCauseCorrelator.Correlate"] = stopwatch.Elapsed.TotalMilliseconds;
    }
}
