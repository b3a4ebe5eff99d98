namespace KubeTriage.Server.Tests.Remediation;

/// <summary>The system clock moved forward by an adjustable offset, so expiry can be tested without waiting.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
