using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Nodes;

/// <summary>Reports nodes that are NotReady/Unknown or under Memory/Disk/PID pressure, with the pods running on them.</summary>
internal sealed class NodeConditionAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Nodes;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.Cluster.OfKind("Node"), node => AnalyzeNode(context, node));

    private void AnalyzeNode(AnalysisContext context, KubeObject node)
    {
        var conditions = node.Raw.Objects("status.conditions").ToList();
        var ready = conditions.FirstOrDefault(c => c.Str("type") == "Ready");
        var podsOnNode = context.InScope("Pod").Where(p => new PodView(p).NodeName == node.Name && !new PodView(p).IsTerminal).ToList();
        if (ready is not null && ready.Str("status") != "True")
        {
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.NodeNotReady,
                Severity = Severity.Critical,
                Subject = node.Ref,
                Title = $"Node {node.Name} is {(ready.Str("status") == "Unknown" ? "unreachable (Ready=Unknown)" : "NotReady")}",
                Explanation = $"Node {node.Name} reports Ready={ready.Str("status")} ({ready.Str("reason")}): {ready.Str("message")}. "
                    + $"{podsOnNode.Count} pod(s) scheduled there are affected and will be evicted after their toleration expires.",
                Evidence = [Evidence.Status($"Node {node.Name}: Ready={ready.Str("status")} reason {ready.Str("reason")}, since {ready.Str("lastTransitionTime")}: {ready.Str("message")}")],
                Remediation = [Fixes.Describe(node.Ref), new Remediation("Drain the node if it does not come back", $"kubectl drain {node.Name} --ignore-daemonsets --delete-emptydir-data", Remediation.Confirm)],
                Cause = node.Ref,
            });
        }

        foreach (var pressure in conditions.Where(c => c.Str("type") is "MemoryPressure" or "DiskPressure" or "PIDPressure" && c.Str("status") == "True"))
        {
            // Evictions are reported by EvictedPodAnalyzer with the node as subject; correlation merges the two.
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.NodePressure,
                Severity = Severity.Warning,
                Subject = node.Ref,
                Title = $"Node {node.Name} has {pressure.Str("type")}",
                Explanation = $"Node {node.Name} reports {pressure.Str("type")}=True ({pressure.Str("reason")}): {pressure.Str("message")}. The kubelet evicts pods until it recovers.",
                Evidence = [Evidence.Status($"Node {node.Name}: {pressure.Str("type")}=True ({pressure.Str("reason")}) since {pressure.Str("lastTransitionTime")}")],
                Remediation = [Fixes.Describe(node.Ref)],
                Cause = node.Ref,
            });
        }
    }
}
