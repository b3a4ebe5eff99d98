using System.ComponentModel;
using System.Text;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>The read-only collector tools over one cluster: its collected state, and a live reader when there is one.</summary>
/// <remarks>
/// The tool set is fixed here and every tool only reads: the state is immutable and <see cref="IClusterReader"/>
/// has no writing method, so no model, and no text injected into cluster data, can reach a mutating call.
/// Every answer is capped and framed by <see cref="ToolOutput"/>.
/// </remarks>
internal sealed partial class ClusterTools(ClusterView cluster, DiagnosisReport engineReport)
{
    private ClusterState State => cluster.State;

    /// <summary>Creates every tool.</summary>
    public IReadOnlyList<AIFunction> All() =>
    [
        AIFunctionFactory.Create(ListObjects, ClusterToolNames.ListObjects, "Lists objects of a kind, one line each: name, phase, ready, replicas."),
        AIFunctionFactory.Create(GetObject, ClusterToolNames.GetObject, "Describes one object compactly (Secret values are never shown)."),
        AIFunctionFactory.Create(GetEventsAsync, ClusterToolNames.GetEvents, "Shows events grouped by reason with counts: of one object, or a namespace's warnings when name is omitted."),
        AIFunctionFactory.Create(GetLogsAsync, ClusterToolNames.GetLogs, "Shows a pod's container logs: tail, previous instance, grep, since; identical lines merged with counts."),
        AIFunctionFactory.Create(ListManifestsAsync, ClusterToolNames.ListManifests, "Lists objects of any resource (CRDs too) by apiVersion and plural resource, one status line each."),
        AIFunctionFactory.Create(GetManifestAsync, ClusterToolNames.GetManifest, "Describes one object of any resource (CRDs too) by apiVersion, plural resource and name."),
        AIFunctionFactory.Create(RunAnalyzers, ClusterToolNames.RunAnalyzers, "Shows the root causes the deterministic analyzers found, for a namespace or one object."),
        AIFunctionFactory.Create(FleetStatusAsync, ClusterToolNames.FleetStatus, "Shows Cluster API clusters, machines, machine deployments, control planes, Flux HelmReleases/Kustomizations and Apps with their Ready state."),
    ];

    /// <summary>Creates the tools for one kind of collection: "objects", "logs" or "management".</summary>
    public IReadOnlyList<AIFunction> For(string source)
    {
        // A logs collector still needs to find the pods; an objects collector never reads logs.
        string[] names = source switch
        {
            CollectorSources.Logs => [ClusterToolNames.ListObjects, ClusterToolNames.GetLogs],
            CollectorSources.Management => [ClusterToolNames.FleetStatus, ClusterToolNames.GetManifest, ClusterToolNames.ListManifests, ClusterToolNames.GetEvents],
            _ => [ClusterToolNames.ListObjects, ClusterToolNames.GetObject, ClusterToolNames.GetEvents, ClusterToolNames.GetManifest, ClusterToolNames.ListManifests, ClusterToolNames.RunAnalyzers],
        };
        var all = All();
        return [.. names.Select(n => all.Single(t => t.Name == n))];
    }

    public string ListObjects(
        [Description("Kind, such as Pod or Deployment.")] string kind,
        [Description("Namespace; omit for all namespaces.")] string? @namespace = null)
    {
        var objects = string.IsNullOrEmpty(@namespace) ? State.OfKind(kind) : State.InNamespace(kind, @namespace);
        var text = objects.Count == 0 ? $"No {kind} objects." : string.Join('\n', objects.Select(ObjectRenderer.StatusLine));
        return ToolOutput.Frame($"{ClusterToolNames.ListObjects} {kind} {@namespace}".TrimEnd(), text);
    }

    public string GetObject(string kind, string? @namespace, string name)
    {
        var obj = State.Find(kind, NullIfEmpty(@namespace), name);
        var text = obj is null ? $"{kind} {@namespace}/{name} not found." : ObjectRenderer.Describe(obj);
        return ToolOutput.Frame($"{ClusterToolNames.GetObject} {new ObjectRef(kind, NullIfEmpty(@namespace), name)}", text);
    }

    public async Task<string> GetEventsAsync(
        [Description("Kind of the object, such as Pod.")] string kind,
        string? @namespace,
        [Description("Object name; omit for every warning in the namespace.")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        var ns = NullIfEmpty(@namespace);
        var events = State.Events.Select(e => (e.InvolvedKind, e.InvolvedNamespace, e.InvolvedName, e.Type, e.Reason, e.Count, e.Message)).ToList();
        if (events.Count == 0 && cluster.Live is { } live)
        {
            var listed = await live.ListAsync("v1", "events", ns, null, cancellationToken).ConfigureAwait(false);
            events = [.. listed.Select(o => new EventView(o)).OrderBy(e => e.LastSeen)
                .Select(e => (e.InvolvedKind, e.InvolvedNamespace, e.InvolvedName, e.Type, e.Reason, e.Count, e.Message))];
        }

        var wanted = events.Where(e => e.InvolvedNamespace == ns
            && (string.IsNullOrEmpty(name)
                ? e.Type == "Warning" && (string.IsNullOrEmpty(kind) || kind == "*" || e.InvolvedKind.Equals(kind, StringComparison.OrdinalIgnoreCase))
                : e.InvolvedKind.Equals(kind, StringComparison.OrdinalIgnoreCase) && e.InvolvedName == name));
        var text = new StringBuilder();
        foreach (var group in wanted.GroupBy(e => (e.InvolvedKind, e.InvolvedName, e.Type, e.Reason)))
        {
            // Events are ordered by time, so the last message is the newest one.
            if (string.IsNullOrEmpty(name))
            {
                text.Append(group.Key.InvolvedKind).Append('/').Append(group.Key.InvolvedName).Append(' ');
            }

            text.Append(group.Key.Type).Append(' ').Append(group.Key.Reason).Append(" x").Append(group.Sum(e => e.Count))
                .Append(": ").Append(ToolOutput.Cap(group.Last().Message, 300)).Append('\n');
        }

        var source = string.IsNullOrEmpty(name) ? $"{ClusterToolNames.GetEvents} warnings {ns}" : $"{ClusterToolNames.GetEvents} {new ObjectRef(kind, ns, name)}";
        return ToolOutput.Frame(source, text.Length == 0 ? "No events." : text.ToString());
    }

    public string RunAnalyzers(
        [Description("Namespace; omit for the whole cluster.")] string? @namespace = null,
        [Description("Limit to root causes on or affecting this object, as Kind/name.")] string? @object = null)
        => ToolOutput.Frame(ClusterToolNames.RunAnalyzers, RootCauseText.Render(engineReport, NullIfEmpty(@namespace), NullIfEmpty(@object)));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
