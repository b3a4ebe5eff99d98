namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Holds the merged view of one or more kubeconfig files.</summary>
public sealed class KubeConfiguration
{
    internal KubeConfiguration(
        IReadOnlyList<string> files,
        string? currentContext,
        IReadOnlyDictionary<string, KubeCluster> clusters,
        IReadOnlyDictionary<string, KubeUser> users,
        IReadOnlyDictionary<string, KubeContext> contexts)
    {
        Files = files;
        CurrentContext = currentContext;
        Clusters = clusters;
        Users = users;
        Contexts = contexts;
    }

    /// <summary>Gets the files that were read, in priority order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the current-context, from the first file that sets one.</summary>
    public string? CurrentContext { get; }

    /// <summary>Gets the clusters by name.</summary>
    public IReadOnlyDictionary<string, KubeCluster> Clusters { get; }

    /// <summary>Gets the users by name.</summary>
    public IReadOnlyDictionary<string, KubeUser> Users { get; }

    /// <summary>Gets the contexts by name.</summary>
    public IReadOnlyDictionary<string, KubeContext> Contexts { get; }

    /// <summary>Resolves a context (the current one when null) into connection settings, reading referenced files.</summary>
    public RestConfig Resolve(string? contextName = null) => RestConfigResolver.Resolve(this, contextName);

    internal string Describe() => Files.Count == 0 ? "(no kubeconfig file found)" : string.Join(", ", Files);
}
