using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Maps the kinds actions work on to their REST resources.</summary>
internal static class TargetTypes
{
    public static ResourceType CronJobs { get; } = new("batch", "v1", "cronjobs", "CronJob", true);

    public static ResourceType Of(string kind) => kind switch
    {
        "Pod" => ResourceTypes.Pods,
        "Deployment" => ResourceTypes.Deployments,
        "StatefulSet" => ResourceTypes.StatefulSets,
        "DaemonSet" => ResourceTypes.DaemonSets,
        "ReplicaSet" => ResourceTypes.ReplicaSets,
        "CronJob" => CronJobs,
        _ => throw new ArgumentException($"no typed action works on kind {kind}", nameof(kind)),
    };
}
