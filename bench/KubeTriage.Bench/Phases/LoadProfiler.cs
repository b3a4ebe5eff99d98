using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        var texts = files.Select(File.ReadAllText).ToList();
        times["load: read files"] = Lap(stopwatch);

        var documents = texts.Select(t => JsonNode.Parse(t, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })).ToList();
        texts.Clear();
        times["load: JsonNode.Parse"] = Lap(stopwatch);

        var raw = documents.SelectMany(ObjectFlattener.Flatten).ToList();
        times["load: flatten lists"] = Lap(stopwatch);

        var objects = raw.Select(o => new KubeObject(o)).ToList();
        times["load: new KubeObject"] = Lap(stopwatch);

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
