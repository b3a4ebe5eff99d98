using System.ComponentModel;
using System.Text;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Container logs: read live on demand when the cluster is live, else from the collected logs.</summary>
internal sealed partial class ClusterTools
{
    private const int DefaultLogTail = 200;
    private const int MaxLogTail = 2_000;

    public async Task<string> GetLogsAsync(
        string @namespace,
        string pod,
        [Description("Container; omit for every container of the pod.")] string? container = null,
        [Description("True for the previous (crashed) instance.")] bool previous = false,
        [Description("Keep only lines containing this text (case-insensitive).")] string? grep = null,
        [Description("Read at most this many last lines.")] int tail = DefaultLogTail,
        [Description("Only lines of the last N seconds.")] int? sinceSeconds = null,
        CancellationToken cancellationToken = default)
    {
        tail = Math.Clamp(tail, 1, MaxLogTail);
        var logs = cluster.Live is null
            ? CollectedLogs(@namespace, pod, container, previous)
            : await LiveLogsAsync(@namespace, pod, container, previous, string.IsNullOrEmpty(grep) ? tail : MaxLogTail, sinceSeconds, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var (name, log) in logs)
        {
            text.Append("== container ").Append(name).Append(previous ? " (previous)" : "").Append('\n')
                .Append(LogDigest.Condense(log, grep, tail, cluster.Live is null ? sinceSeconds : null));
        }

        return ToolOutput.Frame(
            $"{ClusterToolNames.GetLogs} {@namespace}/{pod}{(container is null ? "" : "/" + container)}",
            logs.Count == 0 ? "No logs held for this pod." : text.ToString());
    }

    private List<(string Container, string Text)> CollectedLogs(string ns, string pod, string? container, bool previous)
        => [.. State.Logs
            .Where(l => l.Namespace == ns && l.Pod == pod && l.Previous == previous && (container is null || l.Container == container))
            .OrderBy(l => l.Container, StringComparer.Ordinal)
            .Select(l => (l.Container, l.Text))];

    private async Task<List<(string Container, string Text)>> LiveLogsAsync(
        string ns, string pod, string? container, bool previous, int tail, int? sinceSeconds, CancellationToken ct)
    {
        var live = cluster.Live!;
        IEnumerable<string> containers = container is not null ? [container] : ContainerNames(State.Find("Pod", ns, pod));
        if (!containers.Any())
        {
            containers = ContainerNames(await live.GetAsync("v1", "pods", ns, pod, ct).ConfigureAwait(false));
        }

        var logs = new List<(string, string)>();
        foreach (var name in containers)
        {
            if (await live.GetLogsAsync(ns, pod, name, previous, tail, sinceSeconds, ct).ConfigureAwait(false) is { } text)
            {
                logs.Add((name, text));
            }
        }

        return logs;
    }

    private static IEnumerable<string> ContainerNames(KubeObject? pod)
        => pod is null ? [] : pod.Raw.Objects("spec.containers").Select(c => c.Str("name")).OfType<string>().ToList();
}
