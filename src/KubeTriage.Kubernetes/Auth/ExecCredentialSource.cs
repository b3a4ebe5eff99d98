using System.Security.Cryptography.X509Certificates;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Runs the exec plugin on demand and caches its credential until expirationTimestamp or a 401.</summary>
internal sealed class ExecCredentialSource(
    RestConfig config,
    ExecConfig exec,
    X509Certificate2? fallbackCertificate,
    TimeProvider time,
    Func<bool> stdinIsTerminal) : ICredentialSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Credential? _cached;

    public async ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && !IsExpired(cached))
        {
            return cached;
        }

        // One plugin run at a time: concurrent requests wait for and share the same fresh credential.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not null && !IsExpired(_cached))
            {
                return _cached;
            }

            var interactive = IsInteractive();
            var output = await ExecPluginRunner.RunAsync(exec, ExecInfoBuilder.Build(config, exec, interactive), interactive, cancellationToken)
                .ConfigureAwait(false);
            _cached = ExecCredentialParser.Parse(output, exec, fallbackCertificate);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool Invalidate(Credential rejected)
    {
        Interlocked.CompareExchange(ref _cached, null, rejected);
        return true;
    }

    private bool IsExpired(Credential credential) =>
        credential.ExpiresAt is { } expiry && time.GetUtcNow() >= expiry;

    private bool IsInteractive()
    {
        if (exec.InteractiveMode == ExecInteractiveMode.Never)
        {
            return false;
        }

        var terminal = stdinIsTerminal();
        if (!terminal && exec.InteractiveMode == ExecInteractiveMode.Always)
        {
            throw new KubernetesCredentialException(
                $"exec plugin \"{exec.Command}\" needs interactive mode but standard input is not a terminal");
        }

        return terminal;
    }
}
