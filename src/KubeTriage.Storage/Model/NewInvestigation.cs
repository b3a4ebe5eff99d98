namespace KubeTriage.Storage;

/// <summary>What a caller supplies to create an investigation.</summary>
/// <remarks>An alert investigation sets both <see cref="AlertFingerprint"/> and <see cref="AlertStartsAt"/>: the pair is unique.</remarks>
public sealed record NewInvestigation
{
    /// <summary>Gets what started the investigation.</summary>
    public required InvestigationSource Source { get; init; }

    /// <summary>Gets the question or alert text.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the conversation thread the investigation belongs to, if any.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the cluster (kubeconfig context) investigated.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace investigated; null for every namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the Alertmanager alert fingerprint.</summary>
    public string? AlertFingerprint { get; init; }

    /// <summary>Gets the alert's <c>startsAt</c>; a new firing of the same alert has a new one.</summary>
    public DateTimeOffset? AlertStartsAt { get; init; }
}
