namespace KubeTriage.Storage;

/// <summary>A stored request to run a mutation, with its decision and, once run, its result.</summary>
public sealed record Approval
{
    /// <summary>Gets the approval id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets when it was requested (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when a pending approval expires (UTC).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets the status.</summary>
    public required ApprovalStatus Status { get; init; }

    /// <summary>Gets the action name (<c>rollout-restart</c>, <c>kubectl</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the one line a person reads before deciding.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets what to run, as the requester serialized it.</summary>
    public required string Payload { get; init; }

    /// <summary>Gets the policy tier.</summary>
    public required string Tier { get; init; }

    /// <summary>Gets the policy's reason for the tier.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who asked.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Gets the conversation thread, if any.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the cluster the action targets.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace the action targets.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target object.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the dry run's diff, when one ran.</summary>
    public string? DryRunDiff { get; init; }

    /// <summary>Gets the workflow that asked (<c>api</c>, <c>alert</c>, <c>chat</c>), whose policy overrides apply again at execution.</summary>
    public string? Workflow { get; init; }

    /// <summary>Gets who approved or rejected it (the last decision, for a re-decided interrupted approval).</summary>
    public string? DecidedBy { get; init; }

    /// <summary>Gets when it was approved or rejected (UTC).</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Gets the decider's note.</summary>
    public string? DecisionNote { get; init; }

    /// <summary>Gets when a process claimed it for execution (UTC).</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>Gets when its execution finished (UTC).</summary>
    public DateTimeOffset? ExecutedAt { get; init; }

    /// <summary>Gets the execution's result or error text.</summary>
    public string? Result { get; init; }
}
