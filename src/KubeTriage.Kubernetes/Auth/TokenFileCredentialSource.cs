using System.Security.Cryptography.X509Certificates;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Reads a bearer token from a file and re-reads it periodically, because projected service account tokens rotate.</summary>
internal sealed class TokenFileCredentialSource(string path, X509Certificate2? clientCertificate, TimeSpan refreshInterval, TimeProvider time)
    : ICredentialSource
{
    private readonly Lock _gate = new();
    private Credential? _cached;
    private DateTimeOffset _readAt;

    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_cached is null || now - _readAt >= refreshInterval)
            {
                _cached = Read(_cached);
                _readAt = now;
            }

            return ValueTask.FromResult(_cached);
        }
    }

    public bool Invalidate(Credential rejected)
    {
        lock (_gate)
        {
            // The file may have been rotated since the last read; the caller retries only if the token changed.
            _readAt = DateTimeOffset.MinValue;
            return true;
        }
    }

    private Credential Read(Credential? previous)
    {
        string token;
        try
        {
            token = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Like client-go, keep using the last good token when a re-read fails (e.g. during an atomic swap).
            return previous ?? throw new KubernetesCredentialException($"cannot read token file {path}: {ex.Message}", ex);
        }

        if (previous?.Authorization?.Parameter == token)
        {
            return previous;
        }

        return new Credential(token.Length == 0 ? null : Credential.Bearer(token), clientCertificate, null);
    }
}
