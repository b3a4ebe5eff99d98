using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Logs;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Collects the exact lines (status, events, logs) that back a finding about a pod's container.</summary>
internal static class PodEvidence
{
    private const int MaxEvents = 3;
    private const int MaxLogLines = 4;

    /// <summary>Returns recent Warning events about the pod, optionally only those about one container.</summary>
    public static IEnumerable<EventView> RecentWarnings(AnalysisContext context, KubeObject pod, string? container = null, Func<EventView, bool>? filter = null)
        => context.Cluster.EventsFor(pod)
            .Where(e => e.IsWarning && (container is null || e.FieldPath is null || e.FieldPath.Contains($"{{{container}}}", StringComparison.Ordinal)))
            .Where(e => filter is null || filter(e))
            .Where(e => e.LastSeen is null || context.IsRecent(e.LastSeen) || e.LastSeen >= pod.CreationTimestamp);

    /// <summary>Returns the status line and last termination of a container.</summary>
    public static IEnumerable<Evidence> Status(ContainerStatusView container)
    {
        var prefix = container.IsInit ? "Init container" : "Container";
        if (container.WaitingReason is { } reason)
        {
            yield return Evidence.Status($"{prefix} {container.Name}: Waiting: {reason}" + (string.IsNullOrWhiteSpace(container.WaitingMessage) ? "" : $": {container.WaitingMessage}"));
        }
        else if (container.Terminated is { } current)
        {
            yield return Evidence.Status($"{prefix} {container.Name}: {current.Describe()}");
        }

        if (container.LastTerminated is { } last)
        {
            yield return Evidence.Status($"{prefix} {container.Name}: Last State {last.Describe()}, restart count {container.RestartCount}");
        }
    }

    /// <summary>Returns events as evidence, most recent reasons first, one line per reason.</summary>
    public static IEnumerable<Evidence> Events(IEnumerable<EventView> events)
        => events.GroupBy(e => e.Reason).Select(g => g.Last()).OrderByDescending(e => e.LastSeen).Take(MaxEvents).Select(e => Evidence.Event(e.Describe()));

    /// <summary>Returns the telling log lines of a container (the previous instance's when it crashed), or its last lines.</summary>
    public static IReadOnlyList<Evidence> Logs(AnalysisContext context, KubeObject pod, string container, out IReadOnlyList<LogSignature> signatures)
    {
        var log = context.Cluster.Log(pod.Namespace ?? "", pod.Name, container, previous: true)
            ?? context.Cluster.Log(pod.Namespace ?? "", pod.Name, container, previous: false);
        if (log is null)
        {
            signatures = [];
            return [];
        }

        signatures = LogSignatureScanner.Scan(log.Text);
        var lines = signatures.Count > 0
            ? signatures.Take(MaxLogLines).Select(s => s.Line)
            : LogSignatureScanner.Tail(log.Text, 3);
        var label = log.Previous ? "previous" : "current";
        return [.. lines.Select(l => Evidence.Log($"[{pod.Name}/{container} {label}] {l.Trim()}"))];
    }
}
