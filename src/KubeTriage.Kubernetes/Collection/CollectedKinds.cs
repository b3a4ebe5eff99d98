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
    ];
}
