namespace KubeTriage.Kubernetes;

/// <summary>Reports that the API server could not be reached (refused, unresolvable, TLS failure, timeout).</summary>
public sealed class KubernetesConnectionException : KubernetesException
{
    /// <summary>Creates the exception for the given server and short reason, e.g. "connection refused".</summary>
    public KubernetesConnectionException(string server, string reason, Exception? innerException = null)
        : base($"cannot reach {server}: {reason}", innerException)
    {
        Server = server;
        Reason = reason;
    }

    /// <summary>Gets the server address that could not be reached.</summary>
    public string Server { get; }

    /// <summary>Gets the short reason, e.g. "connection refused".</summary>
    public string Reason { get; }
}
