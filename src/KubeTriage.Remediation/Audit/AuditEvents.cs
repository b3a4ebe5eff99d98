namespace KubeTriage.Remediation.Audit;

/// <summary>The names of audited events, as stored in <see cref="AuditEntry.Event"/>.</summary>
public static class AuditEvents
{
    /// <summary>An action was proposed and waits for approval.</summary>
    public const string Proposed = "proposed";

    /// <summary>A person approved an action.</summary>
    public const string Approved = "approved";

    /// <summary>A person rejected an action.</summary>
    public const string Rejected = "rejected";

    /// <summary>Nobody decided before the approval expired.</summary>
    public const string Expired = "expired";

    /// <summary>The policy forbade an action.</summary>
    public const string Refused = "refused";

    /// <summary>A server-side dry run ran.</summary>
    public const string DryRun = "dry_run";

    /// <summary>An action ran and succeeded.</summary>
    public const string Executed = "executed";

    /// <summary>An action ran and failed.</summary>
    public const string Failed = "failed";

    /// <summary>An action was running when its process stopped; whether it applied is unknown.</summary>
    public const string Interrupted = "interrupted";
}
