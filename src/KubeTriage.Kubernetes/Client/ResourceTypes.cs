namespace KubeTriage.Kubernetes;

/// <summary>Lists well-known built-in resource types so callers need no discovery round-trip for them.</summary>
public static class ResourceTypes
{
    /// <summary>Gets core/v1 pods.</summary>
    public static ResourceType Pods { get; } = new(string.Empty, "v1", "pods", "Pod", true);

    /// <summary>Gets core/v1 services.</summary>
    public static ResourceType Services { get; } = new(string.Empty, "v1", "services", "Service", true);

    /// <summary>Gets core/v1 endpoints.</summary>
    public static ResourceType Endpoints { get; } = new(string.Empty, "v1", "endpoints", "Endpoints", true);

    /// <summary>Gets core/v1 configmaps.</summary>
    public static ResourceType ConfigMaps { get; } = new(string.Empty, "v1", "configmaps", "ConfigMap", true);

    /// <summary>Gets core/v1 secrets.</summary>
    public static ResourceType Secrets { get; } = new(string.Empty, "v1", "secrets", "Secret", true);

    /// <summary>Gets core/v1 events.</summary>
    public static ResourceType Events { get; } = new(string.Empty, "v1", "events", "Event", true);

    /// <summary>Gets core/v1 persistentvolumeclaims.</summary>
    public static ResourceType PersistentVolumeClaims { get; } = new(string.Empty, "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true);

    /// <summary>Gets core/v1 nodes (cluster-scoped).</summary>
    public static ResourceType Nodes { get; } = new(string.Empty, "v1", "nodes", "Node", false);

    /// <summary>Gets core/v1 namespaces (cluster-scoped).</summary>
    public static ResourceType Namespaces { get; } = new(string.Empty, "v1", "namespaces", "Namespace", false);

    /// <summary>Gets apps/v1 deployments.</summary>
    public static ResourceType Deployments { get; } = new("apps", "v1", "deployments", "Deployment", true);

    /// <summary>Gets apps/v1 replicasets.</summary>
    public static ResourceType ReplicaSets { get; } = new("apps", "v1", "replicasets", "ReplicaSet", true);

    /// <summary>Gets apps/v1 statefulsets.</summary>
    public static ResourceType StatefulSets { get; } = new("apps", "v1", "statefulsets", "StatefulSet", true);

    /// <summary>Gets apps/v1 daemonsets.</summary>
    public static ResourceType DaemonSets { get; } = new("apps", "v1", "daemonsets", "DaemonSet", true);

    /// <summary>Gets batch/v1 jobs.</summary>
    public static ResourceType Jobs { get; } = new("batch", "v1", "jobs", "Job", true);

    /// <summary>Gets events.k8s.io/v1 events.</summary>
    public static ResourceType EventsV1 { get; } = new("events.k8s.io", "v1", "events", "Event", true);
}
