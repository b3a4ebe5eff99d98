using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Explains Pending pods from the scheduler's FailedScheduling message: resources, selectors, taints, volumes.</summary>
internal sealed class PendingPodAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.PendingPod;

    public void Analyze(AnalysisContext context)
        => context.ForEach(Name, context.InScope("Pod"), pod => AnalyzePod(context, new PodView(pod)));

    private void AnalyzePod(AnalysisContext context, PodView pod)
    {
        if (pod.Phase != "Pending" || pod.IsTerminating || pod.NodeName is not null)
        {
            return;
        }

        var scheduled = pod.Condition("PodScheduled");
        var events = PodEvidence.RecentWarnings(context, pod.Object, filter: e => e.Reason == "FailedScheduling").ToList();
        var message = scheduled.Str("status") == "False" ? scheduled.Str("message") : null;
        message ??= events.LastOrDefault()?.Message;
        var parsed = SchedulingFailure.Parse(message);
        var category = parsed?.DominantCategory();
        if (message is null || category is null)
        {
            return;
        }

        var pvcs = pod.Object.Raw.Objects("spec.volumes").Select(v => v.Str("persistentVolumeClaim.claimName")).OfType<string>().ToList();
        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        var evidence = new List<Evidence> { Evidence.Status($"PodScheduled=False: {message}") };
        evidence.AddRange(PodEvidence.Events(events));
        var (title, explanation, fix) = category switch
        {
            Categories.InsufficientResources => ($"{Who(workload)} cannot be scheduled: {Dominant(parsed!, category)}",
                $"The scheduler cannot place the pod: {Reasons(parsed!)}. {Requests(pod)}Lower the requests, free capacity, or add nodes.",
                new Remediation("Compare the pod's requests with what the nodes have left", "kubectl describe nodes | grep -A 8 'Allocated resources'", Remediation.Safe)),
            Categories.NodeSelectorMismatch => ($"{Who(workload)} cannot be scheduled: no node matches its nodeSelector/affinity",
                $"The scheduler finds no node with the labels the pod asks for ({Selector(pod)}): {Reasons(parsed!)}.",
                new Remediation("List node labels and fix the nodeSelector/affinity (or label a node)", "kubectl get nodes --show-labels", Remediation.Safe)),
            Categories.TaintNotTolerated => ($"{Who(workload)} cannot be scheduled: {Dominant(parsed!, category)}",
                $"Every candidate node is tainted and the pod has no matching toleration: {Reasons(parsed!)}.",
                new Remediation("See the nodes' taints; add a toleration or remove the taint", "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints", Remediation.Safe)),
            Categories.NodeCordoned => ($"{Who(workload)} waits for cordoned nodes",
                $"The scheduler cannot place the pod: {Reasons(parsed!)}. Cordoned nodes take no new pods.",
                new Remediation("See which nodes are cordoned (SchedulingDisabled)", "kubectl get nodes", Remediation.Safe)),
            _ => (parsed!.Reasons.Any(r => r.Reason.Contains("volume node affinity conflict", StringComparison.Ordinal))
                    ? $"{Who(workload)} cannot be scheduled: its volume is bound to a zone or node it cannot run in"
                    : $"{Who(workload)} waits for its PersistentVolumeClaim to be bound",
                $"The pod waits for its volume: {Reasons(parsed!)}." + (pvcs.Count > 0 ? $" Claims: {string.Join(", ", pvcs)}." : ""),
                new Remediation("Inspect the claim's events (StorageClass, provisioner)", $"kubectl describe pvc {(pvcs.Count > 0 ? pvcs[0] : "")} -n {pod.Object.Namespace}", Remediation.Safe)),
        };

        if (category == Categories.VolumeBindingFailure)
        {
            foreach (var claim in pvcs.Select(c => context.Cluster.Find("PersistentVolumeClaim", pod.Object.Namespace, c)).OfType<Model.KubeObject>())
            {
                evidence.AddRange(PodEvidence.Events(context.Cluster.EventsFor(claim).Where(e => e.IsWarning)));
            }
        }

        var pendingClaim = category == Categories.VolumeBindingFailure
            ? pvcs.Select(c => context.Cluster.Find("PersistentVolumeClaim", pod.Object.Namespace, c)).FirstOrDefault(c => c?.Raw.Str("status.phase") == "Pending")
            : null;
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = category,
            // A cordoned node among the reasons is where the capacity went: uncordoning is the fix to try first.
            Cause = pendingClaim?.Ref ?? (parsed!.Reasons.Any(r => SchedulingFailure.CategoryOf(r.Reason) == Categories.NodeCordoned)
                ? context.Cluster.OfKind("Node").FirstOrDefault(n => n.Raw.Bool("spec.unschedulable") == true)?.Ref
                : null),
            Severity = Impact.SeverityFor(context.Cluster, pod.Object),
            Subject = pod.Object.Ref,
            Title = title,
            Explanation = explanation,
            Evidence = evidence,
            Remediation = [fix, Fixes.Describe(workload)],
        });
    }

    private static string Who(ObjectRef workload) => workload.Kind == "Pod" ? $"Pod {workload.Name}" : $"{workload.Kind} {workload.Name}";

    private static string Dominant(SchedulingFailure failure, string category)
        => failure.Reasons.Where(r => SchedulingFailure.CategoryOf(r.Reason) == category).OrderByDescending(r => r.Nodes).Select(r => r.Reason).FirstOrDefault() ?? category;

    private static string Reasons(SchedulingFailure failure)
        => string.Join("; ", failure.Reasons.Select(r => r.Nodes > 0 ? $"{r.Nodes} node(s): {r.Reason}" : r.Reason));

    private static string Requests(PodView pod)
    {
        var parts = pod.ContainerSpecs.Select(c => (Name: c.Str("name"), Cpu: c.Str("resources.requests.cpu"), Memory: c.Str("resources.requests.memory")))
            .Where(c => c.Cpu is not null || c.Memory is not null)
            .Select(c => $"{c.Name} requests" + (c.Cpu is null ? "" : $" cpu {c.Cpu}") + (c.Memory is null ? "" : $" memory {c.Memory}"));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "" : $"Container {text}. ";
    }

    private static string Selector(PodView pod)
    {
        var selector = pod.Object.Raw.Map("spec.nodeSelector");
        return selector.Count > 0 ? "nodeSelector " + string.Join(", ", selector.Select(kv => $"{kv.Key}={kv.Value}")) : "node affinity";
    }
}
