namespace KubeTriage.Remediation.Workflow;

/// <summary>Where a proposed remediation ended up.</summary>
public enum RemediationStatus
{
    /// <summary>The policy (or the action itself) refused it; nothing changed.</summary>
    Refused,

    /// <summary>The server-side dry run failed (admission, validation, conflict); nothing changed.</summary>
    DryRunFailed,

    /// <summary>It waits for a person's approval.</summary>
    PendingApproval,

    /// <summary>It ran and verification saw the intended effect.</summary>
    Executed,

    /// <summary>It ran, or tried to, and failed or was not verified in time.</summary>
    Failed,
}
