namespace KubeTriage.AI.Tests;

/// <summary>Fires every timer at once and records the delays asked for, so backoff tests never sleep.</summary>
/// <remarks>Timers longer than <see cref="NeverFireAbove"/> never fire: those are timeouts, not backoff.</remarks>
internal sealed class InstantTimeProvider : TimeProvider
{
    public static readonly TimeSpan NeverFireAbove = TimeSpan.FromMinutes(5);

    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime >= NeverFireAbove)
        {
            return base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        if (dueTime > TimeSpan.Zero)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
            }
        }

        return base.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
