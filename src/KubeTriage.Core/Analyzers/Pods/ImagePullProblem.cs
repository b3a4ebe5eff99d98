namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>Why an image cannot be pulled, read from the kubelet's message.</summary>
public enum ImagePullProblem
{
    Unknown,
    NotFound,
    Unauthorized,
    Unreachable,
    InvalidName,
}

/// <summary>Classifies image pull error messages.</summary>
public static class ImagePullClassifier
{
    /// <summary>Classifies a pull error message (ErrImagePull, ImagePullBackOff or the Failed event).</summary>
    public static ImagePullProblem Classify(string? message)
    {
        var m = message ?? "";
        if (Has(m, "InvalidImageName", "invalid reference format", "couldn't parse image"))
        {
            return ImagePullProblem.InvalidName;
        }

        if (Has(m, "401 Unauthorized", "403 Forbidden", "unauthorized", "authorization failed", "pull access denied", "denied: ", "no basic auth credentials", "authentication required", "insufficient_scope"))
        {
            return ImagePullProblem.Unauthorized;
        }

        if (Has(m, "not found", "manifest unknown", "NotFound", "does not exist", "repository does not exist"))
        {
            return ImagePullProblem.NotFound;
        }

        if (Has(m, "no such host", "i/o timeout", "connection refused", "TLS handshake timeout", "dial tcp", "network is unreachable", "context deadline exceeded", "Client.Timeout"))
        {
            return ImagePullProblem.Unreachable;
        }

        return ImagePullProblem.Unknown;
    }

    private static bool Has(string text, params string[] needles)
        => needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
}
