using KubeTriage.Kubernetes;

namespace KubeTriage.Server.Investigations;

/// <summary>Gives cluster access through the kubeconfig contexts of a <see cref="IClusterRegistry"/>.</summary>
public sealed class RegistryClusterAccess(IClusterRegistry registry) : IClusterAccess
{
    public string DefaultCluster => registry.DefaultName;

    public IReadOnlyCollection<string> Clusters => registry.Names;

    public IKubernetesClient Get(string? cluster)
    {
        var name = string.IsNullOrEmpty(cluster) ? registry.DefaultName : cluster;
        return registry.Contains(name) ? registry.Get(name) : throw new KeyNotFoundException($"unknown cluster '{name}'; known: {string.Join(", ", registry.Names)}");
    }
}
