namespace KubeTriage.Storage;

/// <summary>Thrown when an approval cannot move from its current status to the requested one.</summary>
public class InvalidApprovalTransitionException : InvalidOperationException
{
    /// <summary>Initializes the exception for an approval whose status does not allow the move.</summary>
    public InvalidApprovalTransitionException(string approvalId, ApprovalStatus from, ApprovalStatus to)
        : this(approvalId, from, to, $"approval {approvalId} cannot move from {WireNames.Of(from)} to {WireNames.Of(to)}")
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    protected InvalidApprovalTransitionException(string approvalId, ApprovalStatus from, ApprovalStatus to, string message)
        : base(message)
    {
        ApprovalId = approvalId;
        From = from;
        To = to;
    }

    /// <summary>Gets the approval id.</summary>
    public string ApprovalId { get; }

    /// <summary>Gets the status the approval has.</summary>
    public ApprovalStatus From { get; }

    /// <summary>Gets the status that was requested.</summary>
    public ApprovalStatus To { get; }
}
