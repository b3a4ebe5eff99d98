namespace KubeTriage.Storage;

/// <summary>The investigation life cycle: which statuses each status may be reached from.</summary>
internal static class StatusTransitions
{
    public static IReadOnlyList<InvestigationStatus> AllowedFrom(InvestigationStatus to) => to switch
    {
        InvestigationStatus.Running => [InvestigationStatus.Queued],
        InvestigationStatus.Succeeded => [InvestigationStatus.Running],
        InvestigationStatus.Failed or InvestigationStatus.Cancelled or InvestigationStatus.TimedOut
            => [InvestigationStatus.Queued, InvestigationStatus.Running],
        _ => [],
    };

    public static bool IsTerminal(InvestigationStatus status) => status is not (InvestigationStatus.Queued or InvestigationStatus.Running);
}
