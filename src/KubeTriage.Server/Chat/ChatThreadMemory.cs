using System.Collections.Concurrent;

namespace KubeTriage.Server.Chat;

/// <summary>What a chat thread keeps in memory only: the kubeconfig it sent and the commands last suggested to it.</summary>
/// <remarks>
/// Kubeconfigs are never written to the database, a file or a log: a server restart forgets them and the caller sends
/// the kubeconfig again (they touch disk only briefly, privately, while kubectl runs). Entries expire after
/// <see cref="Lifetime"/>. Thread-safe.
/// </remarks>
internal sealed class ChatThreadMemory(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Entry> _byThread = new(StringComparer.Ordinal);

    public void RememberKubeconfig(string threadId, UploadedKubeconfig kubeconfig)
        => _byThread.AddOrUpdate(threadId, _ => new Entry(kubeconfig, [], Expiry()), (_, e) => e with { Kubeconfig = kubeconfig, Expires = Expiry() });

    public void RememberSuggestions(string threadId, IReadOnlyList<string> commands)
        => _byThread.AddOrUpdate(threadId, _ => new Entry(null, commands, Expiry()), (_, e) => e with { Suggestions = commands, Expires = Expiry() });

    public UploadedKubeconfig? Kubeconfig(string threadId) => Live(threadId)?.Kubeconfig;

    public IReadOnlyList<string> Suggestions(string threadId) => Live(threadId)?.Suggestions ?? [];

    private Entry? Live(string threadId)
    {
        if (!_byThread.TryGetValue(threadId, out var entry))
        {
            return null;
        }

        if (entry.Expires > clock.GetUtcNow())
        {
            return entry;
        }

        _byThread.TryRemove(threadId, out _);
        return null;
    }

    private DateTimeOffset Expiry() => clock.GetUtcNow() + Lifetime;

    private sealed record Entry(UploadedKubeconfig? Kubeconfig, IReadOnlyList<string> Suggestions, DateTimeOffset Expires);
}
