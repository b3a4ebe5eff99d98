using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Policy;

/// <summary>Finds PodDisruptionBudgets that allow no disruption although every pod is healthy: they block drains and node upgrades.</summary>
internal sealed class PdbAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Disruption;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("PodDisruptionBudget"), pdb => AnalyzePdb(context, pdb));

    private void AnalyzePdb(AnalysisContext context, KubeObject pdb)
    {
        var allowed = pdb.Raw.Long("status.disruptionsAllowed");
        var healthy = pdb.Raw.Long("status.currentHealthy") ?? 0;
        var desired = pdb.Raw.Long("status.desiredHealthy") ?? 0;
        var expected = pdb.Raw.Long("status.expectedPods") ?? 0;

        // With unhealthy pods the budget is doing its job; the pods' own cause is the finding then.
        if (allowed != 0 || expected == 0 || healthy < desired)
        {
            return;
        }

        var pods = context.Cluster.InNamespace("Pod", pdb.Namespace).Where(p => !new PodView(p).IsTerminal
            && LabelSelector.Matches(pdb.Raw.At("spec.selector"), p.Labels)).ToList();
        var podNames = pods.Select(p => p.Name).ToHashSet();
        var nodes = pods.Select(p => new PodView(p).NodeName).OfType<string>().ToHashSet();
        var blockedDrains = context.Cluster.OfKind("Node").Where(n => n.Raw.Bool("spec.unschedulable") == true && nodes.Contains(n.Name)).ToList();
        var evictionEvents = context.Cluster.Events.Where(e => context.IsRecent(e.LastSeen)
            && e.Message.Contains("disruption budget", StringComparison.OrdinalIgnoreCase)
            && (e.Message.Contains(pdb.Name, StringComparison.Ordinal) || (e.InvolvedKind == "Pod" && podNames.Contains(e.InvolvedName)))).ToList();
        var rule = pdb.Raw.Str("spec.minAvailable") is { } min ? $"minAvailable {min}" : $"maxUnavailable {pdb.Raw.Str("spec.maxUnavailable")}";
        var evidence = new List<Evidence>
        {
            Evidence.Status($"PodDisruptionBudget {pdb.Name}: {rule}, currentHealthy {healthy}, desiredHealthy {desired}, expectedPods {expected}, disruptionsAllowed 0"),
        };
        evidence.AddRange(blockedDrains.Select(n => Evidence.Spec($"Node {n.Name} is cordoned (being drained) and runs pods this budget protects")));
        evidence.AddRange(evictionEvents.TakeLast(2).Select(e => Evidence.Event(e.Describe())));
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.PDBBlocking,
            Severity = blockedDrains.Count > 0 || evictionEvents.Count > 0 ? Severity.Critical : Severity.Warning,
            Subject = pdb.Ref,
            Title = $"PodDisruptionBudget {pdb.Name} allows no disruptions",
            Explanation = $"With {rule} and {expected} pod(s), PodDisruptionBudget {pdb.Name} allows 0 voluntary disruptions even though every pod is healthy, so evictions (kubectl drain, node upgrades, cluster-autoscaler scale-down) wait forever."
                + (blockedDrains.Count > 0 ? $" Node {blockedDrains[0].Name} is being drained and cannot finish." : "")
                + " Run more replicas or relax the budget.",
            Evidence = evidence,
            Remediation =
            [
                new Remediation("Relax the budget so one pod may be evicted at a time", $"kubectl patch pdb {pdb.Name} -n {pdb.Namespace} --type merge -p '{{\"spec\":{{\"minAvailable\":null,\"maxUnavailable\":1}}}}'", Remediation.Confirm),
            ],
        });
    }
}
