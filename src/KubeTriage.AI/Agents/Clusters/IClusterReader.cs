using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents.Clusters;

/// <summary>Reads a live cluster on demand for the agent tools.</summary>
/// <remarks>
/// The only door from the tools to a cluster: it has no method that writes, so no model output can reach a
/// create, patch or delete call. Implementations must keep Secret values out of what they return.
/// </remarks>
public interface IClusterReader
{
    /// <summary>Lists objects of a resource; <paramref name="apiVersion"/> is "v1", "apps/v1" or a group alone (preferred version).</summary>
    Task<IReadOnlyList<KubeObject>> ListAsync(string apiVersion, string resource, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Gets one object, or null when it does not exist.</summary>
    Task<KubeObject?> GetAsync(string apiVersion, string resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>Reads a container's log, or null when the pod or container does not exist.</summary>
    Task<string?> GetLogsAsync(string ns, string pod, string? container, bool previous, int? tailLines, int? sinceSeconds, CancellationToken cancellationToken);
}
