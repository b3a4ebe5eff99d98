using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Storage;

/// <summary>Explains PersistentVolumeClaims stuck Pending (no StorageClass, no default class, provisioning errors) and Released/Failed PersistentVolumes.</summary>
internal sealed class StorageAnalyzer : IAnalyzer
{
    private static readonly TimeSpan BindingGrace = TimeSpan.FromMinutes(2);

    public string Name => AnalyzerNames.Storage;

    public void Analyze(AnalysisContext context)
    {
        context.ForEach(Name, context.InScope("PersistentVolumeClaim"), pvc => AnalyzeClaim(context, pvc));
        context.ForEach(Name, context.Cluster.OfKind("PersistentVolume"), pv => AnalyzeVolume(context, pv));
    }

    private void AnalyzeClaim(AnalysisContext context, KubeObject pvc)
    {
        if (pvc.Raw.Str("status.phase") != "Pending" || (pvc.CreationTimestamp is { } created && context.Now - created < BindingGrace))
        {
            return;
        }

        var events = context.Cluster.EventsFor(pvc).Where(e => e.IsWarning && context.IsRecent(e.LastSeen)).ToList();
        var className = pvc.Raw.Str("spec.storageClassName");
        var classes = context.Cluster.OfKind("StorageClass");
        var volumeName = pvc.Raw.Str("spec.volumeName");
        string? why = null;
        ObjectRef? cause = null;
        var fix = new Remediation("See the claim's events", $"kubectl describe pvc {pvc.Name} -n {pvc.Namespace}", Remediation.Safe);
        if (volumeName is not null && context.Cluster.Find("PersistentVolume", null, volumeName) is { } pv && pv.Raw.Str("status.phase") is "Released" or "Failed")
        {
            why = $"it asks for PersistentVolume {volumeName}, which is {pv.Raw.Str("status.phase")} and still holds its old claim reference";
            cause = pv.Ref;
        }
        else if (className is { Length: > 0 } && classes.Count > 0 && classes.All(c => c.Name != className))
        {
            why = $"StorageClass {className} does not exist (classes: {string.Join(", ", classes.Select(c => c.Name))})";
            fix = new Remediation("Use an existing StorageClass (a PVC's class cannot be changed: recreate the claim)", "kubectl get storageclass", Remediation.Safe);
        }
        else if (className is null && classes.Count > 0 && !classes.Any(IsDefault))
        {
            why = "it names no storageClassName and the cluster has no default StorageClass, so nothing provisions a volume";
            fix = new Remediation("Mark a StorageClass as default, or set storageClassName on the claim", $"kubectl patch storageclass {classes[0].Name} -p '{{\"metadata\":{{\"annotations\":{{\"storageclass.kubernetes.io/is-default-class\":\"true\"}}}}}}'", Remediation.Confirm);
        }
        else if (events.LastOrDefault(e => e.Reason is "ProvisioningFailed" or "FailedBinding") is { } failure)
        {
            why = $"{(failure.Reason == "ProvisioningFailed" ? "the provisioner fails" : "binding fails")}: {failure.Message}";
        }

        if (why is null)
        {
            return;
        }

        var users = context.InScope("Pod").Where(p => p.Namespace == pvc.Namespace
            && p.Raw.Objects("spec.volumes").Any(v => v.Str("persistentVolumeClaim.claimName") == pvc.Name)).ToList();
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.VolumeBindingFailure,
            Severity = users.Count > 0 ? Severity.Critical : Severity.Warning,
            Subject = pvc.Ref,
            Cause = cause,
            Title = $"PersistentVolumeClaim {pvc.Name} stays Pending",
            Explanation = $"Claim {pvc.Name} cannot be bound because {why}." + (users.Count > 0 ? $" {users.Count} pod(s) wait for it." : ""),
            Evidence = [Evidence.Status($"PersistentVolumeClaim {pvc.Name}: Pending, storageClassName {className ?? "<unset>"}"), .. PodEvidence.Events(events)],
            Remediation = [fix],
        });
    }

    private void AnalyzeVolume(AnalysisContext context, KubeObject pv)
    {
        var phase = pv.Raw.Str("status.phase");
        if (phase is not ("Released" or "Failed"))
        {
            return;
        }

        // A Released volume is only a problem when a claim is waiting for it (or it failed outright).
        var waiting = context.Cluster.OfKind("PersistentVolumeClaim").Where(c => c.Raw.Str("spec.volumeName") == pv.Name && c.Raw.Str("status.phase") == "Pending").ToList();
        if (phase == "Released" && waiting.Count == 0)
        {
            return;
        }

        var claim = pv.Raw.At("spec.claimRef");
        context.Add(new Finding
        {
            Analyzer = Name,
            Category = Categories.VolumeBindingFailure,
            Severity = waiting.Count > 0 ? Severity.Critical : Severity.Warning,
            Subject = pv.Ref,
            Title = $"PersistentVolume {pv.Name} is {phase}",
            Explanation = $"PersistentVolume {pv.Name} is {phase} (reclaim policy {pv.Raw.Str("spec.persistentVolumeReclaimPolicy")}) and still references claim {claim.Str("namespace")}/{claim.Str("name")}"
                + (waiting.Count > 0 ? $"; claim {waiting[0].Namespace}/{waiting[0].Name} waits for it and cannot bind until the stale claimRef is removed." : ".")
                + (pv.Raw.Str("status.message") is { } message ? $" Status: {message}" : ""),
            Evidence = [Evidence.Status($"PersistentVolume {pv.Name}: phase {phase}, claimRef {claim.Str("namespace")}/{claim.Str("name")} (uid {claim.Str("uid")})")],
            Remediation = [new Remediation("After checking the data is safe to reuse, clear the stale claimRef so the volume becomes Available", $"kubectl patch pv {pv.Name} --type json -p '[{{\"op\":\"remove\",\"path\":\"/spec/claimRef\"}}]'", Remediation.Confirm)],
        });
    }

    private static bool IsDefault(KubeObject storageClass)
        => storageClass.Annotations.GetValueOrDefault("storageclass.kubernetes.io/is-default-class") == "true"
            || storageClass.Annotations.GetValueOrDefault("storageclass.beta.kubernetes.io/is-default-class") == "true";
}
