using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Approvals;

/// <summary>A mutation the policy put in the confirm tier, to hold until a person decides.</summary>
public sealed record ApprovalRequest
{
    /// <summary>Gets the action name (<c>rollout-restart</c>, <c>kubectl</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the one line a person reads before deciding.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets what to run, as JSON text: the serialized action or the kubectl argv. Stored as given; audited masked.</summary>
    public required string Payload { get; init; }

    /// <summary>Gets the policy's decision (tier, reason and rule).</summary>
    public required PolicyDecision Decision { get; init; }

    /// <summary>Gets who asks (<c>agent:coordinator</c>, <c>user:alice</c>).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Gets the AI agent that proposed it, if any.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets the conversation thread, if any.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target object (<c>deployment/checkout</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Gets the server-side dry run's diff, when one ran.</summary>
    public string? DryRunDiff { get; init; }

    /// <summary>Gets the workflow that asked, whose policy overrides apply again at execution.</summary>
    public string? Workflow { get; init; }
}
