using System.Diagnostics;
using System.Text.Json;
using KubeTriage.Core.Model;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Bench.Phases;

/// <summary>Splits snapshot loading into its steps, single-threaded, with the same public building blocks the loader uses.</summary>
internal static class LoadProfiler
{
    public static void Profile(string directory, Dictionary<string, double> times)
    {
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var stopwatch = Stopwatch.StartNew();
        var bytes = files.Select(File.ReadAllBytes).ToList();
        times["load: read files"] = Lap(stopwatch);

        var documents = bytes.Select(b => JsonDocument.Parse(b, new JsonDocumentOptions { AllowTrailingCommas = true })).ToList();
        times["load: JsonDocument.Parse"] = Lap(stopwatch);

        var objects = documents.SelectMany(d => ObjectFlattener.Flatten(d.RootElement)).ToList();
        times["load: flatten lists into KubeObjects"] = Lap(stopwatch);

        _ = new ClusterState(objects, []);
        times["load: new ClusterState (indexes, EventViews)"] = Lap(stopwatch);
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
