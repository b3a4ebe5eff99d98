namespace KubeTriage.Kubernetes;

/// <summary>Maps cluster names (kubeconfig contexts or aliases such as "workload" and "management") to clients.</summary>
public interface IClusterRegistry
{
    /// <summary>Gets every usable name: context names and aliases.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gets the name used when none is given (the current context or the in-cluster config).</summary>
    string DefaultName { get; }

    /// <summary>Gets the client of the default cluster.</summary>
    IKubernetesClient Default { get; }

    /// <summary>Gets the client for a name; throws <see cref="KubeConfigException"/> when the name is unknown or unusable.</summary>
    IKubernetesClient Get(string name);

    /// <summary>Returns whether the name is known.</summary>
    bool Contains(string name);
}
