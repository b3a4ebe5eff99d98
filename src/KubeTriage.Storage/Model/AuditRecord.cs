namespace KubeTriage.Storage;

/// <summary>One link of the audit chain: the event, its sequence number, the previous record's hash and its own.</summary>
/// <remarks>See <see cref="AuditChain"/> for the canonical form the hash covers.</remarks>
public sealed record AuditRecord
{
    /// <summary>Gets the sequence number: 1 for the first record, then one more per record, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets when the record was appended (UTC, microseconds).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets what happened.</summary>
    public required string Event { get; init; }

    /// <summary>Gets who did it.</summary>
    public required string Actor { get; init; }

    /// <summary>Gets the AI agent involved, if any.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the action name.</summary>
    public required string Action { get; init; }

    /// <summary>Gets the inputs as JSON text.</summary>
    public string? Inputs { get; init; }

    /// <summary>Gets the outcome text.</summary>
    public string? Outcome { get; init; }

    /// <summary>Gets how the action was allowed.</summary>
    public required string ApprovalType { get; init; }

    /// <summary>Gets the approval id, if any.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Gets the cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target object.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the previous record's <see cref="Hash"/>, or <see cref="AuditChain.GenesisHash"/> for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Gets the lowercase hex SHA-256 of the record's canonical form.</summary>
    public required string Hash { get; init; }
}
