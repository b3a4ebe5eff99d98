namespace KubeTriage.Server.Investigations;

/// <summary>Bounds concurrent investigations with a bounded wait queue; a full queue rejects at once (429).</summary>
internal sealed class InvestigationGate(int maxConcurrent, int maxQueued)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);
    private int _waiting;

    /// <summary>Gets the seconds a rejected client should wait before retrying.</summary>
    public int RetryAfterSeconds { get; } = 5;

    /// <summary>Waits for a slot; returns null when the queue is full.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (Interlocked.Increment(ref _waiting) > maxConcurrent + maxQueued)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }

        try
        {
            await _slots.WaitAsync(ct);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }

        return new Slot(this);
    }

    private sealed class Slot(InvestigationGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._slots.Release();
                Interlocked.Decrement(ref gate._waiting);
            }
        }
    }
}
