using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Audit;

/// <summary>One event to record in the audit trail; the trail adds the time, sequence and hashes.</summary>
public sealed record AuditEntry
{
    /// <summary>Gets what happened: one of <see cref="AuditEvents"/>.</summary>
    public required string Event { get; init; }

    /// <summary>Gets who did it (<c>user:alice</c>, <c>agent:coordinator</c>, <see cref="AuditTrail.SystemActor"/>).</summary>
    public required string Actor { get; init; }

    /// <summary>Gets the AI agent involved, if any.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the action name (<c>rollout-restart</c>, <c>kubectl</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the action's inputs; secrets in them are masked before anything is hashed or written.</summary>
    public JsonNode? Inputs { get; init; }

    /// <summary>Gets the outcome text.</summary>
    public string? Outcome { get; init; }

    /// <summary>Gets how the action was allowed: one of <see cref="AuditApprovalTypes"/>.</summary>
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
