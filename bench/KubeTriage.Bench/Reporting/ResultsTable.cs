using System.Globalization;
using System.Text;

namespace KubeTriage.Bench.Reporting;

/// <summary>Renders the results as a plain-text table with each target next to its figure.</summary>
internal static class ResultsTable
{
    private const int MaxListed = 15;

    public static string Render(BenchResults r)
    {
        var c = r.Cluster;
        var sb = new StringBuilder();
        sb.AppendLine(Inv($"KubeTriage bench: {c.Pods:N0} pods, {c.Deployments:N0} Deployments, {c.Events:N0} events, {c.Nodes} nodes, {c.Namespaces} namespaces"));
        sb.AppendLine(Inv($"snapshot {c.Objects:N0} objects + {c.PreviousLogs} logs, {c.SnapshotBytes / 1048576.0:F1} MiB, generated in {c.GenerationSeconds:F1} s (seed {c.Seed})"));
        sb.AppendLine(Inv($"machine: {r.Machine.ProcessorCount} cores, {r.Machine.TotalMemoryBytes / 1073741824.0:F0} GiB, {r.Machine.Os}, {r.Machine.Runtime}"));
        sb.AppendLine();
        var rows = new List<string[]> { new[] { "measure", "median", "runs", "target", "result" } };
        var o = r.Offline;
        rows.Add(["offline load", Ms(o.MedianLoadMs), Runs(o.Runs.Select(x => x.LoadMs)), "", ""]);
        rows.Add(["offline diagnose", Ms(o.MedianDiagnoseMs), Runs(o.Runs.Select(x => x.DiagnoseMs)), "", ""]);
        rows.Add(["offline total", Ms(o.MedianTotalMs), Runs(o.Runs.Select(x => x.TotalMs)), Inv($"<= {Targets.OfflineSeconds * 1000:F0} ms"), Pass(r.Targets.OfflineTime)]);
        rows.Add(["offline peak memory", Mib(o.PeakWorkingSetBytes), string.Join(" / ", o.Runs.Select(x => Mib(x.PeakWorkingSetBytes))), Inv($"<= {Targets.OfflinePeakBytes / 1048576} MiB"), Pass(r.Targets.OfflineMemory)]);
        if (r.Live is { } l)
        {
            rows.Add(["sandbox startup (not timed)", Ms(l.SandboxStartupMs ?? 0), "", "", ""]);
            rows.Add(["live diagnose -A", Ms(l.MedianTotalMs), Runs(l.Runs.Select(x => x.TotalMs)), "", ""]);
            rows.Add(["live peak memory (client)", Mib(l.PeakWorkingSetBytes), string.Join(" / ", l.Runs.Select(x => Mib(x.PeakWorkingSetBytes))), "", ""]);
            rows.Add(["live / offline", Inv($"{r.LiveOverOffline:F2}x"), "", Inv($"<= {Targets.LiveOverOffline:F0}x"), Pass(r.Targets.LiveRatio)]);
        }

        rows.Add(["planted faults (offline)", Inv($"{r.OfflineFaults.Found}/{r.OfflineFaults.Planted}"), "", "all", Pass(r.Targets.OfflineFaults)]);
        if (r.LiveFaults is { } lf)
        {
            rows.Add(["planted faults (live)", Inv($"{lf.Found}/{lf.Planted}"), "", "all", Pass(r.Targets.LiveFaults)]);
        }

        rows.Add(["false positives (offline)", Inv($"{r.OfflineFaults.FalsePositives.Count}"), "", "0", Pass(r.OfflineFaults.FalsePositives.Count == 0)]);
        if (r.LiveFaults is { } lf2)
        {
            rows.Add(["false positives (live)", Inv($"{lf2.FalsePositives.Count}"), "", "0", Pass(lf2.FalsePositives.Count == 0)]);
        }

        AppendTable(sb, rows);
        AppendFaults(sb, "offline", r.OfflineFaults);
        if (r.LiveFaults is { } lf3)
        {
            AppendFaults(sb, "live", lf3);
        }

        AppendProfile(sb, "offline profile (each step alone, single-threaded, after the timed runs)", o.Profile);
        AppendProfile(sb, "live profile (second, split pass)", r.Live?.Profile);
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((cell, i) => i == 1 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static void AppendFaults(StringBuilder sb, string phase, FaultCheckResult check)
    {
        foreach (var miss in check.Missed)
        {
            sb.AppendLine(Inv($"MISSED ({phase}): {miss.Fault} expected {miss.ExpectedCategory} on {miss.ExpectedResource}"));
            foreach (var said in miss.ReportedInstead.DefaultIfEmpty("nothing about this workload"))
            {
                sb.AppendLine("    engine said: " + said);
            }
        }

        if (check.FalsePositives.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(Inv($"false positives ({phase}), by category: ")
                + string.Join(", ", check.FalsePositives.GroupBy(f => f.Category).OrderByDescending(g => g.Count()).Select(g => Inv($"{g.Key} x{g.Count()}"))));
            foreach (var fp in check.FalsePositives.Take(MaxListed))
            {
                sb.AppendLine(Inv($"    {fp.Severity} {fp.Category} on {fp.Resource}: {fp.Title}"));
            }

            if (check.FalsePositives.Count > MaxListed)
            {
                sb.AppendLine(Inv($"    ... and {check.FalsePositives.Count - MaxListed} more (see latest.json)"));
            }
        }
    }

    private static void AppendProfile(StringBuilder sb, string title, IReadOnlyDictionary<string, double>? profile)
    {
        if (profile is null)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(title + ":");
        foreach (var (step, ms) in profile.OrderByDescending(kv => kv.Value))
        {
            sb.AppendLine(Inv($"    {ms,10:F1}  {step}"));
        }
    }

    private static string Ms(double ms) => Inv($"{ms:F0} ms");

    private static string Mib(long bytes) => Inv($"{bytes / 1048576.0:F0} MiB");

    private static string Runs(IEnumerable<double> values) => string.Join(" / ", values.Select(v => Inv($"{v:F0}")));

    private static string Pass(bool? ok) => ok switch { true => "PASS", false => "FAIL", null => "" };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
