using KubeTriage.Core.Model;

namespace KubeTriage.Kubernetes.Collection;

/// <summary>The kinds a diagnosis lists from a live cluster, by group and kind.</summary>
internal static class CollectedKinds
{
    public static readonly IReadOnlyList<(string Group, string Kind)> All =
    [
        ("", "Pod"), ("", "Event"), ("", "Node"), ("", "Namespace"), ("", "Service"), ("", "Endpoints"),
        ("", "ConfigMap"), ("", "Secret"), ("", "PersistentVolumeClaim"), ("", "PersistentVolume"),
        ("", "ServiceAccount"), ("", "ResourceQuota"), ("", "LimitRange"),
        ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"),
        ("batch", "Job"), ("batch", "CronJob"),
        ("networking.k8s.io", "Ingress"), ("networking.k8s.io", "IngressClass"), ("networking.k8s.io", "NetworkPolicy"),
        ("storage.k8s.io", "StorageClass"), ("policy", "PodDisruptionBudget"), ("autoscaling", "HorizontalPodAutoscaler"),
        ("rbac.authorization.k8s.io", "Role"), ("rbac.authorization.k8s.io", "RoleBinding"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"), ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("apiregistration.k8s.io", "APIService"), ("metrics.k8s.io", "PodMetrics"),
        ("gateway.networking.k8s.io", "GatewayClass"), ("gateway.networking.k8s.io", "Gateway"),
        ("gateway.networking.k8s.io", "HTTPRoute"), ("gateway.networking.k8s.io", "GRPCRoute"),
    ];

    /// <summary>Caps how many custom resource kinds one diagnosis lists (a cluster can serve hundreds of CRDs).</summary>
    public const int MaxCustomKinds = 100;

    /// <summary>Returns whether a discovered resource is a custom resource worth listing for its status conditions.</summary>
    public static bool IsCustom(ApiResource resource)
        => !BuiltInApiGroups.IsBuiltInGroup(resource.Type.Group) && resource.Supports("list");

}
