namespace KubeTriage.Storage;

/// <summary>Thrown when an investigation cannot move from its current status to the requested one.</summary>
public sealed class InvalidStatusTransitionException(string investigationId, InvestigationStatus from, InvestigationStatus to)
    : InvalidOperationException($"investigation {investigationId} cannot move from {WireNames.Of(from)} to {WireNames.Of(to)}")
{
    /// <summary>Gets the investigation id.</summary>
    public string InvestigationId { get; } = investigationId;

    /// <summary>Gets the status the investigation has.</summary>
    public InvestigationStatus From { get; } = from;

    /// <summary>Gets the status that was requested.</summary>
    public InvestigationStatus To { get; } = to;
}
