namespace KubeTriage.Kubernetes;

/// <summary>Represents any failure reported by the Kubernetes client, with a one-line message suitable for a CLI.</summary>
public abstract class KubernetesException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    protected KubernetesException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
