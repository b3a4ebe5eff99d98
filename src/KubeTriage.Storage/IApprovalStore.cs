namespace KubeTriage.Storage;

/// <summary>Persists approvals of cluster mutations and moves them through their life cycle atomically.</summary>
/// <remarks>
/// <para>
/// Thread-safe, and safe across processes sharing the database: every status change is one compare-and-set on the
/// current status, so of two racing callers exactly one wins. The caller passes <c>now</c> (UTC) so expiry follows its
/// clock; stored times are cut to microseconds.
/// </para>
/// <para>
/// Transitions: pending -> approved | rejected (<see cref="DecideApprovalAsync"/>, before <see cref="Approval.ExpiresAt"/>)
/// or expired (a late decision, or <see cref="ExpireApprovalsAsync"/>); approved -> executing
/// (<see cref="TryClaimApprovalAsync"/>); executing -> executed | failed (<see cref="CompleteApprovalAsync"/>) or
/// interrupted (<see cref="InterruptExecutingApprovalsAsync"/>, after a crash: nobody knows whether the change applied);
/// interrupted -> approved | rejected (a person decides again; no expiry applies).
/// </para>
/// </remarks>
public interface IApprovalStore
{
    /// <summary>Stores a pending approval created at <paramref name="now"/>.</summary>
    /// <exception cref="KeyNotFoundException">The thread is unknown.</exception>
    Task<Approval> CreateApprovalAsync(NewApproval approval, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Returns an approval, or null when unknown.</summary>
    Task<Approval?> GetApprovalAsync(string approvalId, CancellationToken cancellationToken = default);

    /// <summary>Lists approvals newest first, one page at a time.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this store returned.</exception>
    Task<ApprovalPage> ListApprovalsAsync(ApprovalQuery query, CancellationToken cancellationToken = default);

    /// <summary>Approves or rejects a pending (not yet expired) or interrupted approval.</summary>
    /// <exception cref="ApprovalExpiredException">The approval is past its expiry; it is now <c>expired</c>.</exception>
    /// <exception cref="InvalidApprovalTransitionException">The approval is neither pending nor interrupted.</exception>
    /// <exception cref="KeyNotFoundException">The approval is unknown.</exception>
    Task<Approval> DecideApprovalAsync(string approvalId, ApprovalDecision decision, string decidedBy, string? note, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Moves an approved approval to <c>executing</c>; false when it is not approved (another caller claimed it first).</summary>
    /// <exception cref="KeyNotFoundException">The approval is unknown.</exception>
    Task<bool> TryClaimApprovalAsync(string approvalId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the end of an execution: <see cref="ApprovalStatus.Executed"/> or <see cref="ApprovalStatus.Failed"/>.</summary>
    /// <exception cref="InvalidApprovalTransitionException">The approval is not executing.</exception>
    /// <exception cref="KeyNotFoundException">The approval is unknown.</exception>
    Task<Approval> CompleteApprovalAsync(string approvalId, ApprovalStatus outcome, string result, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Returns the approved approvals nobody claimed yet, oldest decision first.</summary>
    Task<IReadOnlyList<Approval>> ListApprovedUnclaimedAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks every pending approval whose expiry is at or before <paramref name="now"/> expired; returns them.</summary>
    Task<IReadOnlyList<Approval>> ExpireApprovalsAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks executing approvals claimed at or before <paramref name="claimedBefore"/> interrupted; returns them.</summary>
    /// <remarks>Call at start-up with the start time: what was executing then belonged to a process that died.</remarks>
    Task<IReadOnlyList<Approval>> InterruptExecutingApprovalsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken = default);
}
