namespace KubeTriage.Remediation.Approvals;

/// <summary>Configures approvals.</summary>
public sealed class ApprovalOptions
{
    /// <summary>Gets or sets how long a request waits for a decision before it expires; 15 minutes by default.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(15);
}
