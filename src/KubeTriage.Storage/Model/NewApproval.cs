namespace KubeTriage.Storage;

/// <summary>What a caller supplies to request an approval.</summary>
public sealed record NewApproval
{
    /// <summary>Gets the action name (<c>rollout-restart</c>, <c>kubectl</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary>Gets the one line a person reads before deciding.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets what to run: the serialized action or kubectl argv; the store keeps the text as given.</summary>
    public required string Payload { get; init; }

    /// <summary>Gets the policy tier (<c>confirm</c>, ...).</summary>
    public required string Tier { get; init; }

    /// <summary>Gets the policy's reason for the tier.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who asked (<c>agent:coordinator</c>, <c>user:alice</c>).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Gets when the approval expires unless decided (UTC); must be after the creation time.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets the conversation thread the request came from, if any.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the cluster (kubeconfig context) the action targets.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace the action targets.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target object (<c>deployment/checkout</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Gets the server-side dry run's diff, when one ran.</summary>
    public string? DryRunDiff { get; init; }

    /// <summary>Gets the workflow that asked, whose policy overrides apply again at execution.</summary>
    public string? Workflow { get; init; }
}
