namespace KubeTriage.Kubernetes.Auth;

/// <summary>Supplies the credential for each request.</summary>
internal interface ICredentialSource
{
    ValueTask<Credential> GetAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a credential the server rejected with 401; returns true when asking again may give a different one.</summary>
    bool Invalidate(Credential rejected);
}
