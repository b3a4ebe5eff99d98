namespace KubeTriage.Storage;

/// <summary>Thrown when a decision arrives for an approval past its expiry; the approval is then <c>expired</c>.</summary>
public sealed class ApprovalExpiredException(Approval approval, ApprovalStatus to, bool expiredNow)
    : InvalidApprovalTransitionException(
        approval.Id,
        ApprovalStatus.Expired,
        to,
        $"approval {approval.Id} expired at {AuditChain.FormatTime(approval.ExpiresAt)} and can no longer be {WireNames.Of(to)}")
{
    /// <summary>Gets the approval, as stored now (status <c>expired</c>).</summary>
    public Approval Approval { get; } = approval;

    /// <summary>Gets whether this call turned the approval expired (true) or it already was (false).</summary>
    public bool ExpiredNow { get; } = expiredNow;
}
