using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents.Clusters;

/// <summary>One cluster the agents may read: what was collected, and optionally a live reader for what was not.</summary>
/// <param name="Name">The name models see, such as "workload" or "management".</param>
/// <param name="State">The collected objects, events and logs (empty when nothing was collected).</param>
/// <param name="Live">Reads logs and manifests on demand; null for a snapshot.</param>
public sealed record ClusterView(string Name, ClusterState State, IClusterReader? Live = null)
{
    /// <summary>Creates a view over a live cluster with nothing collected up front.</summary>
    public static ClusterView LiveOnly(string name, IClusterReader live) => new(name, new ClusterState([], [], name), live);
}
