namespace KubeTriage.Kubernetes;

/// <summary>Reports that credentials could not be obtained (exec plugin failure, unreadable token file).</summary>
public sealed class KubernetesCredentialException : KubernetesException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public KubernetesCredentialException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
