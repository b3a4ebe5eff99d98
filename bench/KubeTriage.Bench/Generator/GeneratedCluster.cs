namespace KubeTriage.Bench.Generator;

/// <summary>A snapshot directory written by the generator, with what it holds and which faults were planted.</summary>
internal sealed record GeneratedCluster(
    string Directory,
    IReadOnlyList<PlantedFault> Faults,
    int Namespaces,
    int Nodes,
    int Deployments,
    int Pods,
    int Events,
    int Objects,
    int Logs,
    long Bytes,
    TimeSpan Elapsed);
