namespace KubeTriage.Kubernetes;

/// <summary>Configures <see cref="KubernetesServiceCollectionExtensions.AddKubernetesClient"/>.</summary>
public sealed class KubernetesClientRegistration
{
    /// <summary>Gets or sets the --kubeconfig path; null uses KUBECONFIG or ~/.kube/config.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>Gets or sets the context of the default client; null uses current-context.</summary>
    public string? Context { get; set; }

    /// <summary>Gets extra cluster names mapped to context names, e.g. "management" to "kind-mgmt".</summary>
    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the HTTP options of every client.</summary>
    public KubernetesClientOptions ClientOptions { get; set; } = new();
}
