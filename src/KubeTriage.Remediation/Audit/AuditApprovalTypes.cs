namespace KubeTriage.Remediation.Audit;

/// <summary>How an audited action was allowed, as stored in <see cref="AuditEntry.ApprovalType"/>.</summary>
public static class AuditApprovalTypes
{
    /// <summary>The policy rated it safe; it ran without asking.</summary>
    public const string AutoSafe = "auto-safe";

    /// <summary>A person approved it.</summary>
    public const string Human = "human";

    /// <summary>A person rejected it.</summary>
    public const string Rejected = "rejected";

    /// <summary>It expired before anyone decided.</summary>
    public const string Expired = "expired";

    /// <summary>No approval applies (yet): proposals, refusals, dry runs.</summary>
    public const string None = "none";
}
