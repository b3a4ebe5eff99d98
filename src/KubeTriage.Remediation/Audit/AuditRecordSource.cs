namespace KubeTriage.Remediation.Audit;

/// <summary>Where a verification problem was found.</summary>
public enum AuditRecordSource
{
    /// <summary>The database's chain.</summary>
    Database,

    /// <summary>The <c>audit.jsonl</c> file.</summary>
    File,

    /// <summary>The comparison of the two.</summary>
    Both,
}
