namespace KubeTriage.Kubernetes;

/// <summary>Reports an unusable kubeconfig or in-cluster configuration (missing file, unknown context, malformed YAML, missing certificate).</summary>
public sealed class KubeConfigException : KubernetesException
{
    /// <summary>Creates the exception with a one-line message that names the file or context involved.</summary>
    public KubeConfigException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
