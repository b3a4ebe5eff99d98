using KubeTriage.Core.Model;

namespace KubeTriage.Core.Snapshots;

/// <summary>The cluster read from a snapshot directory, with a warning for each file that could not be read.</summary>
public sealed record SnapshotLoadResult(ClusterState State, IReadOnlyList<string> Warnings, int FilesRead);
