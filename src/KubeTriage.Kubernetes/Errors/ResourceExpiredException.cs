namespace KubeTriage.Kubernetes;

/// <summary>Reports a 410 Gone/Expired reply (too old resourceVersion or continue token); catch it to relist.</summary>
public sealed class ResourceExpiredException : KubernetesApiException
{
    /// <summary>Creates the exception from the 410 Status.</summary>
    public ResourceExpiredException(KubeStatus status)
        : base(status)
    {
    }
}
