namespace KubeTriage.Remediation.Actions;

/// <summary>How long and how often verification polls the cluster.</summary>
public sealed record VerifyOptions
{
    /// <summary>Gets how long to wait for the effect before reporting a timeout (default 5 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the pause between two reads (default 2 seconds).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the clock the deadline is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
