using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;
using KubeTriage.Server;

namespace KubeTriage.LoadBench;

/// <summary>Starts the sandbox (a broken scenario) and the real server, then loads POST /analyze from a second process.</summary>
internal static class LoadBenchRunner
{
    private const string Key = "load-bench-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Arg(args, "--clients", 64);
        var seconds = Arg(args, "--seconds", 15);
        var maxAge = Arg(args, "--collection-max-age", 10);
        var root = FindRepo();
        var loaded = SnapshotLoader.Load(Path.Combine(root, "scenarios", "chain-service-no-endpoints-secret"));
        await using var sandbox = await SandboxServer.StartAsync(SandboxOptions.FromState(loaded.State));
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-load-").FullName, "config");
        sandbox.WriteKubeconfig(kubeconfig);
        using var clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig));
        await using var app = ServerHost.Build(new ServerOptions
        {
            Port = 0,
            ApiKeys = [Key],
            MaxConcurrentInvestigations = 64,
            MaxQueuedInvestigations = 256,
            RequestsPerMinutePerClient = 1_000_000,
            CollectionMaxAge = TimeSpan.FromSeconds(maxAge),
            Store = new Storage.StoreOptions { DataDirectory = Directory.CreateTempSubdirectory("kt-load-data-").FullName },
        }, clusters);
        await app.StartAsync();
        var url = app.Urls.First();
        Console.WriteLine($"[load] server {url}, sandbox {sandbox.BaseAddress}; {clients} clients for {seconds} s from a child process");

        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadBenchRunner).Assembly.Location);
        }

        foreach (var a in new[] { "--client", url, Key, clients.ToString(System.Globalization.CultureInfo.InvariantCulture), seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
        result["target_rps"] = 300;
        result["collection_max_age_s"] = maxAge;
        result["pass"] = result["throughput"]!.GetValue<double>() >= 300 && result["errors"]!.GetValue<int>() == 0;
        Console.WriteLine($"throughput {result["throughput"]!.GetValue<double>():0} req/s, p50 {result["p50_ms"]!.GetValue<double>():0.0} ms, p99 {result["p99_ms"]!.GetValue<double>():0.0} ms, "
            + $"{result["requests"]} requests, {result["errors"]} errors; target >= 300 req/s: {((bool)result["pass"]! ? "PASS" : "FAIL")}");
        var results = Path.Combine(root, "bench", "results", maxAge > 0 ? "serve-load.json" : "serve-load-no-sharing.json");
        Directory.CreateDirectory(Path.GetDirectoryName(results)!);
        File.WriteAllText(results, result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        await app.StopAsync();
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeTriage.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from a KubeTriage checkout");
    }
}
