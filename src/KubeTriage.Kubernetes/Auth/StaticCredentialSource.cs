namespace KubeTriage.Kubernetes.Auth;

/// <summary>Returns the same credential every time (inline token, basic auth, static client certificate).</summary>
internal sealed class StaticCredentialSource(Credential credential) : ICredentialSource
{
    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);

    public bool Invalidate(Credential rejected) => false;
}
