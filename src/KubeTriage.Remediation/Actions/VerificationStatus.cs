namespace KubeTriage.Remediation.Actions;

/// <summary>How the verification of an executed action ended.</summary>
public enum VerificationStatus
{
    /// <summary>The cluster shows the intended effect.</summary>
    Succeeded,

    /// <summary>The cluster reports that the change cannot succeed (e.g. a rollout exceeded its progress deadline).</summary>
    Failed,

    /// <summary>The deadline passed before the effect showed.</summary>
    TimedOut,
}
