namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Describes an exec credential plugin (kubeconfig users[].user.exec).</summary>
public sealed record ExecConfig
{
    /// <summary>Gets the ExecCredential API version, client.authentication.k8s.io/v1 or v1beta1.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>Gets the command; absolute when the kubeconfig gave a path containing a separator.</summary>
    public required string Command { get; init; }

    /// <summary>Gets the arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Gets extra environment variables, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>Gets whether spec.cluster is passed in KUBERNETES_EXEC_INFO.</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary>Gets the interactive mode.</summary>
    public ExecInteractiveMode InteractiveMode { get; init; } = ExecInteractiveMode.IfAvailable;

    /// <summary>Gets the hint shown when the command cannot be found.</summary>
    public string? InstallHint { get; init; }
}
