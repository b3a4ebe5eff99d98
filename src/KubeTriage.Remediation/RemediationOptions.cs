namespace KubeTriage.Remediation;

/// <summary>Configures remediation: the autonomy policy file, the audit file, approval expiry and verification deadline.</summary>
public sealed class RemediationOptions
{
    /// <summary>Gets or sets the YAML policy file; null keeps KubeTriage read-only.</summary>
    public string? PolicyPath { get; set; }

    /// <summary>Gets or sets the JSON-lines audit file; null puts <c>audit.jsonl</c> in the store's data directory.</summary>
    public string? AuditFilePath { get; set; }

    /// <summary>Gets or sets how long an approval waits for a decision.</summary>
    public TimeSpan ApprovalExpiry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long verification waits for an executed action to take effect.</summary>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how often verification polls the cluster.</summary>
    public TimeSpan VerifyPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
