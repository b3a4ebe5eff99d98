namespace KubeTriage.Storage;

/// <summary>What a caller supplies to append an audit record; the store adds the sequence, time and hashes.</summary>
public sealed record NewAuditRecord
{
    /// <summary>Gets what happened (<c>proposed</c>, <c>approved</c>, <c>executed</c>, ...).</summary>
    public required string Event { get; init; }

    /// <summary>Gets who did it (<c>user:alice</c>, <c>agent:coordinator</c>, <c>kubetriage</c>).</summary>
    public required string Actor { get; init; }

    /// <summary>Gets the AI agent involved, if any.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the action name (<c>rollout-restart</c>, <c>kubectl</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the action's inputs as JSON text, already masked of secrets.</summary>
    public string? Inputs { get; init; }

    /// <summary>Gets the outcome text.</summary>
    public string? Outcome { get; init; }

    /// <summary>Gets how the action was allowed: <c>auto-safe</c>, <c>human</c>, <c>rejected</c>, <c>expired</c> or <c>none</c>.</summary>
    public required string ApprovalType { get; init; }

    /// <summary>Gets the approval id, if any.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Gets the cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target object (<c>deployment/checkout</c>).</summary>
    public string? Target { get; init; }
}
