using System.Text.RegularExpressions;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Snapshots;

/// <summary>Reads container logs: logs/&lt;ns&gt;/&lt;pod&gt;/&lt;container&gt;[.previous].log, and cluster-info dump's &lt;ns&gt;/&lt;pod&gt;/logs.txt.</summary>
internal static partial class ContainerLogReader
{
    public static List<ContainerLog> Read(string root, IReadOnlyList<KubeObject> objects, List<string> warnings)
    {
        var logs = new List<ContainerLog>();
        var logDir = Path.Combine(root, "logs");
        if (Directory.Exists(logDir))
        {
            foreach (var file in Directory.EnumerateFiles(logDir, "*.log", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(logDir, file).Split(Path.DirectorySeparatorChar);
                if (parts.Length != 3)
                {
                    warnings.Add($"logs/{string.Join('/', parts)}: expected logs/<namespace>/<pod>/<container>.log");
                    continue;
                }

                var name = Path.GetFileNameWithoutExtension(parts[2]);
                var previous = name.EndsWith(".previous", StringComparison.Ordinal);
                logs.Add(new ContainerLog(parts[0], parts[1], previous ? name[..^".previous".Length] : name, previous, File.ReadAllText(file)));
            }
        }

        logs.AddRange(ReadClusterInfoDumpLogs(root, objects));
        return logs;
    }

    // kubectl cluster-info dump writes one logs.txt per pod with a START/END block per container.
    private static IEnumerable<ContainerLog> ReadClusterInfoDumpLogs(string root, IReadOnlyList<KubeObject> objects)
    {
        var pods = objects.Where(o => o.Kind == "Pod" && o.Namespace is not null).ToList();
        foreach (var pod in pods)
        {
            var file = Path.Combine(root, pod.Namespace!, pod.Name, "logs.txt");
            if (!File.Exists(file))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var blocks = StartMarker().Matches(text);
            if (blocks.Count == 0)
            {
                var first = pod.Raw.Objects("spec.containers").Select(c => c.Str("name")).FirstOrDefault() ?? "";
                yield return new ContainerLog(pod.Namespace!, pod.Name, first, false, text);
                continue;
            }

            foreach (Match start in blocks)
            {
                var container = start.Groups["container"].Value;
                var bodyStart = start.Index + start.Length;
                var end = text.IndexOf($"==== END logs for container {container} ", bodyStart, StringComparison.Ordinal);
                var body = end < 0 ? text[bodyStart..] : text[bodyStart..end];
                yield return new ContainerLog(pod.Namespace!, pod.Name, container, false, body);
            }
        }
    }

    [GeneratedRegex(@"==== START logs for container (?<container>\S+) of pod \S+ ====\r?\n")]
    private static partial Regex StartMarker();
}
