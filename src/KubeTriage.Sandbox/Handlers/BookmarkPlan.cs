namespace KubeTriage.Sandbox.Handlers;

/// When a watch sends BOOKMARKs. The 1.25 cacher sends one about 2 s before the watch deadline (else
/// every minute) and, because its timer buckets are one second wide, a second one a second later.
internal sealed class BookmarkPlan(DateTimeOffset? deadline, TimeSpan heartbeat, DateTimeOffset start)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);

    private DateTimeOffset? _next = Initial(deadline, heartbeat, start);

    public bool Due(DateTimeOffset now) => _next is { } next && now >= next;

    public void Sent(DateTimeOffset now)
    {
        if (deadline is { } end)
        {
            var secondShot = end - s_tick;
            _next = now < secondShot ? secondShot : null;
            return;
        }

        _next = now + heartbeat;
    }

    /// <summary>How long to wait for changes before re-checking the deadline and bookmarks.</summary>
    public TimeSpan WaitFrom(DateTimeOffset now, bool bookmarks)
    {
        var wake = deadline ?? now + heartbeat;
        if (bookmarks && _next is { } next && next < wake)
        {
            wake = next;
        }

        var wait = wake - now;
        return wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > s_tick ? s_tick : wait;
    }

    private static DateTimeOffset Initial(DateTimeOffset? deadline, TimeSpan heartbeat, DateTimeOffset start)
    {
        var beat = start + heartbeat;
        if (deadline is { } end && end - TimeSpan.FromSeconds(2) < beat)
        {
            return end - TimeSpan.FromSeconds(2);
        }

        return beat;
    }
}
