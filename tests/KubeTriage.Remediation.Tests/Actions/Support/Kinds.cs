using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Tests.Actions.Support;

internal static class Kinds
{
    public static ResourceType Of(string kind) => kind switch
    {
        "Deployment" => ResourceTypes.Deployments,
        "StatefulSet" => ResourceTypes.StatefulSets,
        "DaemonSet" => ResourceTypes.DaemonSets,
        "ReplicaSet" => ResourceTypes.ReplicaSets,
        _ => ResourceTypes.Pods,
    };
}
