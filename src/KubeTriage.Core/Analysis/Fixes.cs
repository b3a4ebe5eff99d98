using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analysis;

/// <summary>Builds the kubectl commands that remediations suggest.</summary>
public static class Fixes
{
    /// <summary>Suggests reading the previous instance's log.</summary>
    public static Remediation PreviousLogs(KubeObject pod, string container)
        => new($"Read the log of the crashed instance of container {container}", $"kubectl logs {pod.Name}{pod.Ref.NamespaceFlag} -c {container} --previous", Remediation.Safe);

    /// <summary>Suggests describing an object to see its events.</summary>
    public static Remediation Describe(ObjectRef target)
        => new($"Inspect {target.Kind} {target.Name} and its events", $"kubectl describe {target.Kind.ToLowerInvariant()} {target.Name}{target.NamespaceFlag}", Remediation.Safe);

    /// <summary>Suggests rolling a Deployment back to its previous revision.</summary>
    public static Remediation RolloutUndo(ObjectRef workload)
        => new($"Roll {workload.Kind} {workload.Name} back to its previous revision if the last change caused this", $"kubectl rollout undo {workload.ToKubectlTarget()}{workload.NamespaceFlag}", Remediation.Confirm);

    /// <summary>Suggests restarting a workload's pods.</summary>
    public static Remediation RolloutRestart(ObjectRef workload)
        => new($"Restart the pods of {workload.Kind} {workload.Name} once the cause is fixed", $"kubectl rollout restart {workload.ToKubectlTarget()}{workload.NamespaceFlag}", Remediation.Confirm);

    /// <summary>Returns whether kubectl rollout works on this kind.</summary>
    public static bool CanRollout(ObjectRef workload) => workload.Kind is "Deployment" or "StatefulSet" or "DaemonSet";
}
