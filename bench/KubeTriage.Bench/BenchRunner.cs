using System.Runtime.InteropServices;
using System.Text.Json;
using KubeTriage.Bench.Generator;
using KubeTriage.Bench.Phases;
using KubeTriage.Bench.Reporting;

namespace KubeTriage.Bench;

/// <summary>Generates the cluster, runs each phase in child processes, checks the planted faults and writes the results.</summary>
internal static class BenchRunner
{
    // Generous: against the current sandbox one live pass takes minutes (see bench/README.md).
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var shape = new ClusterShape().Scaled(args.Scale);
        var directory = args.Out ?? Path.Combine(Path.GetTempPath(), $"kubetriage-bench-{Environment.ProcessId}");
        try
        {
            Log($"generating {shape.Pods:N0} pods, {shape.Deployments:N0} Deployments, {shape.Events:N0} events into {directory}");
            var cluster = ClusterGenerator.Generate(shape, directory);
            Log($"generated {cluster.Objects:N0} objects ({cluster.Bytes / 1048576.0:F1} MiB) in {cluster.Elapsed.TotalSeconds:F1} s");

            var offlineRuns = new List<PhaseResult>();
            for (var run = 0; run < args.Runs; run++)
            {
                List<string> phase = ["--phase", "offline", "--dir", directory];
                if (args.Profile && run == args.Runs - 1)
                {
                    phase.Add("--profile");
                }

                var result = await ChildProcess.RunAsync(phase, ChildTimeout, ct);
                Log($"offline run {run + 1}: load {result.LoadMs:F0} ms, diagnose {result.DiagnoseMs:F0} ms, peak {result.PeakWorkingSetBytes / 1048576} MiB, {result.RootCauses.Count} root causes");
                offlineRuns.Add(result);
            }

            var offline = PhaseSummary.From(offlineRuns);
            PhaseSummary? live = null;
            FaultCheckResult? liveFaults = null;
            if (args.Live)
            {
                (live, liveFaults) = await RunLiveAsync(args, cluster, ct);
            }

            var offlineFaults = FaultCheck.Check(cluster.Faults, MedianRun(offlineRuns).RootCauses);
            var ratio = live is null ? (double?)null : live.MedianTotalMs / offline.MedianTotalMs;
            var results = new BenchResults
            {
                MeasuredAt = DateTimeOffset.UtcNow,
                Machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
                    GC.GetGCMemoryInfo().TotalAvailableMemoryBytes),
                Cluster = new ClusterInfo(shape.Seed, cluster.Namespaces, cluster.Nodes, cluster.Deployments, cluster.Pods, cluster.Events, cluster.Objects,
                    cluster.Logs, cluster.Bytes, cluster.Elapsed.TotalSeconds, shape.CaptureTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                Offline = offline,
                Live = live,
                LiveOverOffline = ratio,
                OfflineFaults = offlineFaults,
                LiveFaults = liveFaults,
                Targets = new TargetResults(
                    offline.MedianTotalMs <= Targets.OfflineSeconds * 1000,
                    offline.PeakWorkingSetBytes <= Targets.OfflinePeakBytes,
                    ratio is null ? null : ratio <= Targets.LiveOverOffline,
                    offlineFaults.AllFound,
                    liveFaults?.AllFound),
            };

            Console.WriteLine();
            Console.Write(ResultsTable.Render(results));
            var path = args.Results ?? DefaultResultsPath();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, BenchJson.Indented) + "\n", ct);
            Console.WriteLine();
            Console.WriteLine($"results written to {path}");
            return 0;
        }
        finally
        {
            if (args.Out is null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<(PhaseSummary, FaultCheckResult)> RunLiveAsync(BenchArguments args, GeneratedCluster cluster, CancellationToken ct)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubetriage-bench-{Environment.ProcessId}.kubeconfig");
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(cluster.Directory, kubeconfig, ct);
            Log($"sandbox serving at {sandbox.Address} (started in {sandbox.Startup.TotalMilliseconds:F0} ms)");
            var runs = new List<PhaseResult>();
            var count = args.LiveRuns ?? args.Runs;
            for (var run = 0; run < count; run++)
            {
                List<string> phase = ["--phase", "live", "--kubeconfig", kubeconfig];
                if (args.LiveProfile && run == count - 1)
                {
                    phase.Add("--profile");
                }

                var result = await ChildProcess.RunAsync(phase, ChildTimeout, ct);
                Log($"live run {run + 1}: {result.TotalMs:F0} ms, peak {result.PeakWorkingSetBytes / 1048576} MiB, {result.RootCauses.Count} root causes");
                runs.Add(result);
            }

            return (PhaseSummary.From(runs, sandbox.Startup.TotalMilliseconds), FaultCheck.Check(cluster.Faults, MedianRun(runs).RootCauses));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    // The fault check reads the run whose total time is the median, so the figures and the check describe the same run.
    private static PhaseResult MedianRun(List<PhaseResult> runs) => runs.OrderBy(r => r.TotalMs).ElementAt(runs.Count / 2);

    // bench/results/latest.json next to this project, found from the build output (bench/KubeTriage.Bench/bin/...).
    private static string DefaultResultsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeTriage.slnx")))
            {
                return Path.Combine(dir.FullName, "bench", "results", "latest.json");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "bench-results.json");
    }

    private static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}
