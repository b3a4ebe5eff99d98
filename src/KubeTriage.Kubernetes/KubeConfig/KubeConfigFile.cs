namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Holds the entries of one parsed kubeconfig file, in file order.</summary>
internal sealed record KubeConfigFile(
    string Path,
    string? CurrentContext,
    IReadOnlyList<KubeCluster> Clusters,
    IReadOnlyList<KubeUser> Users,
    IReadOnlyList<KubeContext> Contexts);
