namespace KubeTriage.Remediation.Actions;

/// <summary>The outcome of verifying an executed action, with a sentence saying why.</summary>
/// <param name="Status">Succeeded, failed or timed out.</param>
/// <param name="Message">What was seen last, such as "2 of 3 updated replicas are available".</param>
public sealed record VerificationResult(VerificationStatus Status, string Message)
{
    /// <summary>Gets whether the action had its intended effect.</summary>
    public bool Succeeded => Status == VerificationStatus.Succeeded;
}
