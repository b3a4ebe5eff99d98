namespace KubeTriage.Kubernetes;

/// <summary>Reports a non-2xx reply from the API server, carrying the parsed Status.</summary>
public class KubernetesApiException : KubernetesException
{
    /// <summary>Creates the exception from a parsed Status.</summary>
    public KubernetesApiException(KubeStatus status)
        : base(Describe(status))
    {
        Status = status;
    }

    /// <summary>Gets the Status returned by the server (or synthesized from a non-Status body).</summary>
    public KubeStatus Status { get; }

    /// <summary>Gets the HTTP status code (same as <see cref="KubeStatus.Code"/>).</summary>
    public int StatusCode => Status.Code;

    /// <summary>Gets the machine-readable reason, e.g. "NotFound"; null when the server sent none.</summary>
    public string? Reason => Status.Reason;

    private static string Describe(KubeStatus status)
    {
        // Same shape as kubectl ("Error from server (NotFound): ...") minus the prefix, which belongs to the CLI.
        var reason = string.IsNullOrEmpty(status.Reason) ? $"HTTP {status.Code}" : status.Reason;
        var message = status.Message.ReplaceLineEndings(" ").Trim();
        return message.Length == 0 ? $"server error ({reason})" : $"server error ({reason}): {message}";
    }
}
