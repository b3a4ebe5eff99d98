namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Describes a kubeconfig context entry (cluster + user + namespace).</summary>
public sealed record KubeContext
{
    /// <summary>Gets the entry name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kubeconfig file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Gets the cluster entry name.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the user entry name.</summary>
    public string? User { get; init; }

    /// <summary>Gets the namespace, or null for "default".</summary>
    public string? Namespace { get; init; }
}
