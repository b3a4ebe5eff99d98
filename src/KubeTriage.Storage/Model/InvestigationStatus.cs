namespace KubeTriage.Storage;

/// <summary>Where an investigation is in its life: queued, running, then exactly one terminal status.</summary>
/// <remarks>Stored as <c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>, <c>timed_out</c>.</remarks>
public enum InvestigationStatus
{
    /// <summary>Accepted, not started.</summary>
    Queued,

    /// <summary>Started.</summary>
    Running,

    /// <summary>Finished with a report.</summary>
    Succeeded,

    /// <summary>Finished with an error.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,

    /// <summary>Stopped by its deadline.</summary>
    TimedOut,
}
