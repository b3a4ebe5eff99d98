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
        var podsOnNode = context.Cluster.PodsOnNode(node.Name)
            .Where(p => !new PodView(p).IsTerminal && (context.NamespaceFilter is null || p.Namespace == context.NamespaceFilter)).ToList();
        if (ready.Exists() && ready.Str("status") != "True")
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
            foreach (var pod in podsOnNode)
            {
                AddAffectedPod(context, pod, node, Categories.NodeNotReady);
            }
        }

        if (node.Raw.Bool("spec.unschedulable") == true)
        {
            Cordoned(context, node, podsOnNode);
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

    private void Cordoned(AnalysisContext context, KubeObject node, List<KubeObject> podsOnNode)
    {
        // Pods the scheduler could not place because this node is cordoned make it a problem; a cordon alone is maintenance.
        var blocked = context.InScope("Pod").Select(p => new PodView(p)).Where(p => p.Phase == "Pending" && p.NodeName is null
            && (p.Condition("PodScheduled").Str("message") ?? "").Contains("were unschedulable", StringComparison.Ordinal)).ToList();
        var taint = node.Raw.Objects("spec.taints").FirstOrDefault(t => t.Str("key") == "node.kubernetes.io/unschedulable");
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.NodeCordoned,
            Severity = blocked.Count > 0 ? Severity.Warning : Severity.Info,
            Subject = node.Ref,
            Cause = node.Ref,
            Title = $"Node {node.Name} is cordoned",
            Explanation = $"Node {node.Name} is marked unschedulable (kubectl cordon/drain){(taint.Str("timeAdded") is { } added ? $" since {added}" : "")}; "
                + $"{podsOnNode.Count} pod(s) still run there and no new pod can be placed on it."
                + (blocked.Count > 0 ? $" {blocked.Count} pod(s) are Pending partly because of it." : ""),
            Evidence = [Evidence.Spec($"Node {node.Name}: spec.unschedulable: true"), .. blocked.Take(2).Select(p => Evidence.Status($"Pod {p.Object.Name}: {p.Condition("PodScheduled").Str("message")}"))],
            Remediation = [new Remediation("Uncordon the node once maintenance is over", $"kubectl uncordon {node.Name}", Remediation.Confirm)],
        });
        foreach (var pod in blocked)
        {
            AddAffectedPod(context, pod.Object, node, Categories.NodeCordoned);
        }
    }

    private void AddAffectedPod(AnalysisContext context, KubeObject pod, KubeObject node, string category)
        => context.Add(new Finding
        {
            Analyzer = Name,
            Category = category,
            Severity = Severity.Info,
            Subject = pod.Ref,
            Cause = node.Ref,
            Title = $"Pod {pod.Name} is affected by node {node.Name}",
            Explanation = $"Pod {pod.Name} depends on node {node.Name}.",
        });
}
