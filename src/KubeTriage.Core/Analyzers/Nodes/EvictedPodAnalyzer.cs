using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Nodes;

/// <summary>Groups Evicted pods by the node that evicted them: the node's resource pressure is the cause.</summary>
internal sealed class EvictedPodAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.EvictedPods;

    public void Analyze(AnalysisContext context)
    {
        var evicted = context.InScope("Pod").Select(p => new PodView(p)).Where(p => p.Phase == "Failed" && p.Reason == "Evicted").ToList();
        foreach (var group in evicted.GroupBy(p => p.NodeName ?? ""))
        {
            var node = context.Cluster.Find("Node", null, group.Key);
            var pressure = node?.Raw.Objects("status.conditions").Where(c => c.Str("type") is "MemoryPressure" or "DiskPressure" or "PIDPressure" && c.Str("status") == "True").ToList() ?? [];
            var resource = group.Select(p => p.Message).OfType<string>().Select(ResourceOf).FirstOrDefault(r => r is not null) ?? "resources";
            var evidence = group.Take(3).Select(p => Evidence.Status($"Pod {p.Object.Name}: Failed, reason Evicted: {p.Message}")).ToList();
            evidence.AddRange(pressure.Select(c => Evidence.Status($"Node {group.Key}: {c.Str("type")}=True ({c.Str("reason")}): {c.Str("message")}")));
            var nodeRef = node?.Ref ?? new ObjectRef("Node", null, group.Key);
            context.Add(new Finding
            {
                Analyzer = Name,
                Category = Categories.NodePressure,
                Severity = pressure.Count > 0 ? Severity.Critical : Severity.Warning,
                Subject = nodeRef,
                Title = $"Node {group.Key} evicted {group.Count()} pod(s) under {resource} pressure",
                Explanation = $"The kubelet on {group.Key} ran low on {resource} and evicted {group.Count()} pod(s)"
                    + (pressure.Count > 0 ? "; the node is still under pressure." : "; the pressure has passed, but the evicted pods remain as Failed objects and the pods that used the most may come back to the same node.")
                    + " Set memory requests close to real usage so the scheduler does not overcommit the node.",
                Evidence = evidence,
                Remediation =
                [
                    Fixes.Describe(nodeRef),
                    new Remediation("Delete the Failed (Evicted) pods once understood", $"kubectl delete pods --field-selector=status.phase=Failed -n {group.First().Object.Namespace}", Remediation.Confirm),
                ],
                Cause = nodeRef,
            });
            foreach (var pod in group)
            {
                context.Add(new Finding
                {
                    Analyzer = Name,
                    Category = Categories.NodePressure,
                    Severity = Severity.Info,
                    Subject = pod.Object.Ref,
                    Title = $"Pod {pod.Object.Name} was evicted",
                    Explanation = pod.Message ?? "Evicted",
                    Cause = nodeRef,
                });
            }
        }
    }

    private static string? ResourceOf(string message)
    {
        const string marker = "low on resource: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : message[(at + marker.Length)..].Split('.', ',', ' ')[0];
    }
}
