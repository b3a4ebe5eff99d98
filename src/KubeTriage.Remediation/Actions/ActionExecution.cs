using KubeTriage.Core.Diagnosis;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Records a write that was sent for real, with what verification needs to know about it.</summary>
public sealed record ActionExecution
{
    /// <summary>Gets the action executed.</summary>
    public required SuggestedAction Action { get; init; }

    /// <summary>Gets the mutation as it was sent.</summary>
    public required MutationRequest Request { get; init; }

    /// <summary>Gets one sentence saying what was done.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets when the write was sent.</summary>
    public required DateTimeOffset ExecutedAt { get; init; }

    /// <summary>Gets facts verification uses (the deleted pod's uid, its owner, ...); plain strings so the record serializes.</summary>
    public IReadOnlyDictionary<string, string> State { get; init; } = new Dictionary<string, string>();
}
