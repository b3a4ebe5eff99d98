namespace KubeTriage.Remediation.Kubectl;

/// <summary>What one kubectl run produced.</summary>
/// <param name="ExitCode">The process exit code; -1 when it was killed for the timeout.</param>
/// <param name="StandardOutput">Standard output, up to the cap.</param>
/// <param name="StandardError">Standard error, up to the cap.</param>
/// <param name="Truncated">Whether either stream was longer than the cap.</param>
/// <param name="TimedOut">Whether the timeout killed the process.</param>
public sealed record KubectlResult(int ExitCode, string StandardOutput, string StandardError, bool Truncated, bool TimedOut)
{
    /// <summary>Gets stdout followed by stderr, for a transcript.</summary>
    public string Output => StandardError.Length == 0 ? StandardOutput : StandardOutput + StandardError;
}
