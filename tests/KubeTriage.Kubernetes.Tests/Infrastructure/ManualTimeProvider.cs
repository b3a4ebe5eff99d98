namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (only GetUtcNow is used by the code under test with it).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
