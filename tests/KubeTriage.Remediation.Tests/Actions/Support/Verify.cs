using KubeTriage.Remediation.Actions;

namespace KubeTriage.Remediation.Tests.Actions.Support;

/// <summary>Deadlines for verification: generous when the simulation answers at once, short when nothing ever will.</summary>
internal static class Verify
{
    public static VerifyOptions Patient { get; } = new() { Timeout = TimeSpan.FromSeconds(20), PollInterval = TimeSpan.FromMilliseconds(50) };

    public static VerifyOptions Short { get; } = new() { Timeout = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(50) };
}
