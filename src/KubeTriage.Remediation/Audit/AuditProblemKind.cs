namespace KubeTriage.Remediation.Audit;

/// <summary>What is wrong with the audit trail at one place.</summary>
public enum AuditProblemKind
{
    /// <summary>A record's hash does not match its content: it was edited.</summary>
    Edited,

    /// <summary>Sequence numbers skip: records were deleted.</summary>
    Missing,

    /// <summary>A record's previous hash is not the hash of the record before it: that one was replaced or removed.</summary>
    BrokenLink,

    /// <summary>Records are out of sequence order, or one appears twice.</summary>
    Reordered,

    /// <summary>A line of the file is not a record.</summary>
    Malformed,

    /// <summary>The database and the file hold different content for the same sequence number.</summary>
    Differs,

    /// <summary>The database has records the file lacks (file truncated, or a crash between commit and write).</summary>
    MissingFromFile,

    /// <summary>The file has records the database lacks (database rows deleted, tail included).</summary>
    MissingFromDatabase,
}
