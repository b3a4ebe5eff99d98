using System.Collections.Concurrent;

namespace KubeTriage.Server.Chat;

/// <summary>Holds the kubeconfig each chat thread sent, in memory only, for a limited time.</summary>
/// <remarks>
/// Never written to the database, a file or a log: a server restart forgets them and the caller sends the kubeconfig
/// again. Only written to disk, briefly and privately, while kubectl runs. Thread-safe.
/// </remarks>
internal sealed class ThreadKubeconfigs(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, (UploadedKubeconfig Kubeconfig, DateTimeOffset Expires)> _byThread = new(StringComparer.Ordinal);

    public void Remember(string threadId, UploadedKubeconfig kubeconfig) => _byThread[threadId] = (kubeconfig, clock.GetUtcNow() + Lifetime);

    public UploadedKubeconfig? Find(string threadId)
    {
        if (!_byThread.TryGetValue(threadId, out var entry))
        {
            return null;
        }

        if (entry.Expires > clock.GetUtcNow())
        {
            return entry.Kubeconfig;
        }

        _byThread.TryRemove(threadId, out _);
        return null;
    }
}
