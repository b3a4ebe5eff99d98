namespace KubeTriage.Storage;

/// <summary>What a person decided about a pending approval.</summary>
public enum ApprovalDecision
{
    /// <summary>Run it.</summary>
    Approve,

    /// <summary>Do not run it.</summary>
    Reject,
}
