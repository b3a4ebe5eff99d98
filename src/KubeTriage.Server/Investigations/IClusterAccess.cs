using KubeTriage.Kubernetes;

namespace KubeTriage.Server.Investigations;

/// <summary>Gives the server the clients of the clusters it may investigate.</summary>
public interface IClusterAccess
{
    /// <summary>Gets the name of the cluster used when a request names none.</summary>
    string DefaultCluster { get; }

    /// <summary>Gets the names of every cluster the server knows.</summary>
    IReadOnlyCollection<string> Clusters { get; }

    /// <summary>Returns the client of a cluster.</summary>
    /// <exception cref="KeyNotFoundException">The cluster is unknown.</exception>
    IKubernetesClient Get(string? cluster);
}
