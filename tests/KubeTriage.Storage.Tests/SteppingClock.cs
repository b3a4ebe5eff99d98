namespace KubeTriage.Storage.Tests;

/// <summary>A clock that moves one millisecond forward each time it is read, so creation order is time order.</summary>
internal sealed class SteppingClock : TimeProvider
{
    // Sub-microsecond ticks check that both engines cut timestamps the same way.
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private long _reads;

    public override DateTimeOffset GetUtcNow() => Start.AddMilliseconds(Interlocked.Increment(ref _reads));
}
