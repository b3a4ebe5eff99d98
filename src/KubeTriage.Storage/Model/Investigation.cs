using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Storage;

/// <summary>A stored investigation: what was asked, where it is, and what it found.</summary>
public sealed record Investigation
{
    /// <summary>Gets the investigation id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the conversation thread, if any.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets what started the investigation.</summary>
    public required InvestigationSource Source { get; init; }

    /// <summary>Gets the question or alert text.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the cluster investigated.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace investigated.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the Alertmanager alert fingerprint.</summary>
    public string? AlertFingerprint { get; init; }

    /// <summary>Gets the alert's <c>startsAt</c>.</summary>
    public DateTimeOffset? AlertStartsAt { get; init; }

    /// <summary>Gets the status.</summary>
    public required InvestigationStatus Status { get; init; }

    /// <summary>Gets when the investigation was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it started running (UTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when it reached a terminal status (UTC).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Gets the error message of a failed investigation.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the report of a succeeded investigation.</summary>
    public DiagnosisReport? Report { get; init; }

    /// <summary>Gets the run's metrics, when finished.</summary>
    public InvestigationMetrics? Metrics { get; init; }
}
