namespace KubeTriage.Remediation.Actions;

/// <summary>Names the typed remediation actions; the name is also <see cref="Policy.MutationRequest.Action"/>.</summary>
public static class ActionTypes
{
    /// <summary>Deletes one controller-owned pod so its controller replaces it.</summary>
    public const string RestartPod = "restart-pod";

    /// <summary>Restarts a Deployment's, StatefulSet's or DaemonSet's pods as <c>kubectl rollout restart</c> does.</summary>
    public const string RolloutRestart = "rollout-restart";

    /// <summary>Sets the replicas of a Deployment, StatefulSet or ReplicaSet through the scale subresource.</summary>
    public const string Scale = "scale";

    /// <summary>Rolls a Deployment back to its previous revision as <c>kubectl rollout undo</c> does.</summary>
    public const string Rollback = "rollback";

    /// <summary>Deletes the Failed (including Evicted) pods of a namespace, one by one.</summary>
    public const string DeleteFailedPods = "delete-failed-pods";

    /// <summary>Raises a container's memory limit in its workload's pod template.</summary>
    public const string RaiseMemoryLimit = "raise-memory-limit";

    /// <summary>Sets a CronJob's spec.suspend to true.</summary>
    public const string SuspendCronJob = "suspend-cronjob";

    /// <summary>Sets a CronJob's spec.suspend to false.</summary>
    public const string ResumeCronJob = "resume-cronjob";

    /// <summary>Gets every built-in action type.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RestartPod, RolloutRestart, Scale, Rollback, DeleteFailedPods, RaiseMemoryLimit, SuspendCronJob, ResumeCronJob];
}
