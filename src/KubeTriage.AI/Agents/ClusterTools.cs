using System.ComponentModel;
using System.Text;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>The read-only collector tools over a <see cref="ClusterState"/>, so they work on snapshots and live data alike.</summary>
/// <remarks>
/// The tool set is fixed here and every tool only reads: there is no way for a model, or text injected into
/// cluster data, to reach a mutating call. Every answer is capped and framed by <see cref="ToolOutput"/>.
/// </remarks>
internal sealed class ClusterTools(ClusterState cluster, DiagnosisReport engineReport)
{
    private const int DefaultLogTail = 200;

    /// <summary>Creates every tool.</summary>
    public IReadOnlyList<AIFunction> All() =>
    [
        AIFunctionFactory.Create(ListObjects, ClusterToolNames.ListObjects, "Lists objects of a kind, one line each: name, phase, ready, replicas."),
        AIFunctionFactory.Create(GetObject, ClusterToolNames.GetObject, "Shows the key fields of one object (Secret values are never shown)."),
        AIFunctionFactory.Create(GetEvents, ClusterToolNames.GetEvents, "Shows the events of one object grouped by reason with counts."),
        AIFunctionFactory.Create(GetLogs, ClusterToolNames.GetLogs, "Shows a pod's container logs, identical lines merged with counts."),
        AIFunctionFactory.Create(RunAnalyzers, ClusterToolNames.RunAnalyzers, "Shows the root causes the deterministic analyzers found."),
    ];

    /// <summary>Creates the tools for one kind of collection: "logs" or "objects".</summary>
    public IReadOnlyList<AIFunction> For(string source)
    {
        // A logs collector still needs to find the pods; an objects collector never reads logs.
        string[] names = source == CollectorSources.Logs
            ? [ClusterToolNames.ListObjects, ClusterToolNames.GetLogs]
            : [ClusterToolNames.ListObjects, ClusterToolNames.GetObject, ClusterToolNames.GetEvents, ClusterToolNames.RunAnalyzers];
        return [.. All().Where(t => names.Contains(t.Name))];
    }

    public string ListObjects(
        [Description("Kind, such as Pod or Deployment.")] string kind,
        [Description("Namespace; omit for all namespaces.")] string? @namespace = null)
    {
        var objects = string.IsNullOrEmpty(@namespace) ? cluster.OfKind(kind) : cluster.InNamespace(kind, @namespace);
        var text = objects.Count == 0 ? $"No {kind} objects." : string.Join('\n', objects.Select(ObjectRenderer.StatusLine));
        return ToolOutput.Frame($"{ClusterToolNames.ListObjects} {kind} {@namespace}".TrimEnd(), text);
    }

    public string GetObject(string kind, string? @namespace, string name)
    {
        var obj = cluster.Find(kind, NullIfEmpty(@namespace), name);
        var text = obj is null ? $"{kind} {@namespace}/{name} not found." : ObjectRenderer.Describe(obj);
        return ToolOutput.Frame($"{ClusterToolNames.GetObject} {new ObjectRef(kind, NullIfEmpty(@namespace), name)}", text);
    }

    public string GetEvents(string kind, string? @namespace, string name)
    {
        var ns = NullIfEmpty(@namespace);
        var events = cluster.Events.Where(e =>
            e.InvolvedKind.Equals(kind, StringComparison.OrdinalIgnoreCase) && e.InvolvedNamespace == ns && e.InvolvedName == name);
        var text = new StringBuilder();
        foreach (var group in events.GroupBy(e => (e.Type, e.Reason)))
        {
            // Events are ordered by time, so the last message is the newest one.
            text.Append(group.Key.Type).Append(' ').Append(group.Key.Reason).Append(" x").Append(group.Sum(e => e.Count))
                .Append(": ").Append(group.Last().Message).Append('\n');
        }

        return ToolOutput.Frame(
            $"{ClusterToolNames.GetEvents} {new ObjectRef(kind, ns, name)}",
            text.Length == 0 ? "No events." : text.ToString());
    }

    public string GetLogs(
        string @namespace,
        string pod,
        [Description("Container; omit for every container of the pod.")] string? container = null,
        [Description("True for the previous (crashed) instance.")] bool previous = false,
        [Description("Keep only lines containing this text (case-insensitive).")] string? grep = null,
        [Description("Read at most this many last lines.")] int tail = DefaultLogTail)
    {
        var logs = cluster.Logs
            .Where(l => l.Namespace == @namespace && l.Pod == pod && l.Previous == previous && (container is null || l.Container == container))
            .OrderBy(l => l.Container, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        foreach (var log in logs)
        {
            text.Append("== container ").Append(log.Container).Append(previous ? " (previous)" : "").Append('\n')
                .Append(LogDigest.Condense(log.Text, grep, Math.Clamp(tail, 1, 2_000)));
        }

        return ToolOutput.Frame(
            $"{ClusterToolNames.GetLogs} {@namespace}/{pod}{(container is null ? "" : "/" + container)}",
            logs.Count == 0 ? "No logs held for this pod." : text.ToString());
    }

    public string RunAnalyzers([Description("Namespace; omit for the whole cluster.")] string? @namespace = null)
        => ToolOutput.Frame(ClusterToolNames.RunAnalyzers, RootCauseText.Render(engineReport, NullIfEmpty(@namespace)));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
