namespace KubeTriage.Storage;

/// <summary>Where an approval is in its life; stored as the lowercase name.</summary>
/// <remarks>
/// pending -> approved | rejected | expired; approved -> executing (one claimer wins); executing -> executed | failed,
/// or interrupted when the process died mid-run; interrupted -> approved | rejected (a person decides again).
/// </remarks>
public enum ApprovalStatus
{
    /// <summary>Waiting for a person, until it expires.</summary>
    Pending,

    /// <summary>Approved; waiting to be claimed and run.</summary>
    Approved,

    /// <summary>Rejected by a person; never runs.</summary>
    Rejected,

    /// <summary>Nobody decided before the expiry; never runs.</summary>
    Expired,

    /// <summary>Claimed by one process, which is running it.</summary>
    Executing,

    /// <summary>Ran and succeeded.</summary>
    Executed,

    /// <summary>Ran and failed.</summary>
    Failed,

    /// <summary>Was running when its process stopped: whether the change applied is unknown, so a person decides again.</summary>
    Interrupted,
}
