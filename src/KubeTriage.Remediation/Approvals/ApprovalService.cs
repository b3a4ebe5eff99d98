using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Remediation.Approvals;

/// <summary>Holds confirm-tier mutations until a person decides, lets exactly one process run each, and audits every step.</summary>
/// <remarks>
/// Thread-safe; a singleton. The store makes every transition atomic across processes; this class adds the expiry
/// from <see cref="ApprovalOptions"/>, the clock, and the audit records. Each audit record is appended after its
/// transition committed, so a crash between the two loses that record but never records what did not happen.
/// </remarks>
public sealed class ApprovalService(IApprovalStore store, AuditTrail audit, IOptions<ApprovalOptions> options, TimeProvider time)
{
    /// <summary>Stores a pending approval expiring after <see cref="ApprovalOptions.Expiry"/>, and audits the proposal.</summary>
    public async Task<Approval> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiry = options.Value.Expiry;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiry, TimeSpan.Zero, nameof(options));
        var now = time.GetUtcNow();
        var approval = await store.CreateApprovalAsync(
            new NewApproval
            {
                Action = request.Action,
                Summary = request.Summary,
                Payload = request.Payload,
                Tier = request.Decision.Tier.ToString().ToLowerInvariant(),
                Reason = request.Decision.Reason,
                RequestedBy = request.RequestedBy,
                ExpiresAt = now + expiry,
                ThreadId = request.ThreadId,
                Cluster = request.Cluster,
                Namespace = request.Namespace,
                Target = request.Target,
                DryRunDiff = request.DryRunDiff,
                Workflow = request.Workflow,
            },
            now,
            cancellationToken);
        await AuditAsync(approval, AuditEvents.Proposed, request.RequestedBy, AuditApprovalTypes.None,
            $"pending until {AuditChain.FormatTime(approval.ExpiresAt)}: {request.Decision.Reason} (rule {request.Decision.Rule})",
            ParsePayload(approval.Payload), request.Agent, cancellationToken);
        return approval;
    }

    /// <summary>Approves a pending or interrupted approval, and audits it.</summary>
    /// <exception cref="ApprovalExpiredException">It expired first (audited as expired).</exception>
    /// <exception cref="InvalidApprovalTransitionException">It is not pending or interrupted.</exception>
    public Task<Approval> ApproveAsync(string approvalId, string approver, string? note = null, CancellationToken cancellationToken = default)
        => DecideAsync(approvalId, ApprovalDecision.Approve, approver, note, cancellationToken);

    /// <summary>Rejects a pending or interrupted approval, and audits it.</summary>
    /// <exception cref="ApprovalExpiredException">It expired first (audited as expired).</exception>
    /// <exception cref="InvalidApprovalTransitionException">It is not pending or interrupted.</exception>
    public Task<Approval> RejectAsync(string approvalId, string approver, string? note = null, CancellationToken cancellationToken = default)
        => DecideAsync(approvalId, ApprovalDecision.Reject, approver, note, cancellationToken);

    /// <summary>Expires every pending approval past its expiry, and audits each; call it periodically.</summary>
    public async Task<IReadOnlyList<Approval>> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = await store.ExpireApprovalsAsync(time.GetUtcNow(), cancellationToken);
        foreach (var approval in expired)
        {
            await AuditExpiredAsync(approval, cancellationToken);
        }

        return expired;
    }

    /// <summary>Claims an approved approval for execution; returns it when this caller won, null when another did, it is not approved or it does not exist.</summary>
    public async Task<Approval?> ClaimForExecutionAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.TryClaimApprovalAsync(approvalId, time.GetUtcNow(), cancellationToken)
                ? await store.GetApprovalAsync(approvalId, cancellationToken)
                : null;
        }
        catch (KeyNotFoundException)
        {
            // An unknown id is not this caller's to run either.
            return null;
        }
    }

    /// <summary>Records how a claimed execution ended, and audits it as executed or failed.</summary>
    /// <exception cref="InvalidApprovalTransitionException">The approval is not executing.</exception>
    public async Task<Approval> CompleteAsync(string approvalId, bool succeeded, string result, CancellationToken cancellationToken = default)
    {
        var approval = await store.CompleteApprovalAsync(approvalId, succeeded ? ApprovalStatus.Executed : ApprovalStatus.Failed, result, time.GetUtcNow(), cancellationToken);
        await AuditAsync(approval, succeeded ? AuditEvents.Executed : AuditEvents.Failed, AuditTrail.SystemActor, AuditApprovalTypes.Human,
            result, ParsePayload(approval.Payload), agent: null, cancellationToken);
        return approval;
    }

    /// <summary>
    /// Run once at start-up, before executing anything: marks what was executing interrupted, expires what is due, and
    /// returns the approved approvals nobody claimed, to execute (each through <see cref="ClaimForExecutionAsync"/>).
    /// </summary>
    /// <remarks>
    /// Every approval executing at the call is taken to belong to a dead process. With several servers on one
    /// database, a server starting while another executes would interrupt that execution: run recovery from one.
    /// </remarks>
    public async Task<ApprovalRecovery> RecoverAfterRestartAsync(CancellationToken cancellationToken = default)
    {
        var interrupted = await store.InterruptExecutingApprovalsAsync(time.GetUtcNow(), cancellationToken);
        foreach (var approval in interrupted)
        {
            await AuditAsync(approval, AuditEvents.Interrupted, AuditTrail.SystemActor, AuditApprovalTypes.Human,
                "the process stopped while executing: whether the change applied is unknown; a person must decide again",
                inputs: null, agent: null, cancellationToken);
        }

        var expired = await ExpireDueAsync(cancellationToken);
        return new ApprovalRecovery(await store.ListApprovedUnclaimedAsync(cancellationToken), interrupted, expired);
    }

    /// <summary>Returns an approval, or null when unknown.</summary>
    public Task<Approval?> GetAsync(string approvalId, CancellationToken cancellationToken = default) => store.GetApprovalAsync(approvalId, cancellationToken);

    /// <summary>Lists approvals newest first.</summary>
    public Task<ApprovalPage> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default) => store.ListApprovalsAsync(query, cancellationToken);

    private async Task<Approval> DecideAsync(string approvalId, ApprovalDecision decision, string approver, string? note, CancellationToken cancellationToken)
    {
        Approval approval;
        try
        {
            approval = await store.DecideApprovalAsync(approvalId, decision, approver, note, time.GetUtcNow(), cancellationToken);
        }
        catch (ApprovalExpiredException ex) when (ex.ExpiredNow)
        {
            await AuditExpiredAsync(ex.Approval, cancellationToken);
            throw;
        }

        var approved = decision == ApprovalDecision.Approve;
        await AuditAsync(approval, approved ? AuditEvents.Approved : AuditEvents.Rejected, approver,
            approved ? AuditApprovalTypes.Human : AuditApprovalTypes.Rejected,
            note is null ? (approved ? "approved" : "rejected") : (approved ? "approved: " : "rejected: ") + note,
            inputs: null, agent: null, cancellationToken);
        return approval;
    }

    private Task AuditExpiredAsync(Approval approval, CancellationToken cancellationToken)
        => AuditAsync(approval, AuditEvents.Expired, AuditTrail.SystemActor, AuditApprovalTypes.Expired,
            $"nobody decided before {AuditChain.FormatTime(approval.ExpiresAt)}", inputs: null, agent: null, cancellationToken);

    private Task AuditAsync(Approval approval, string auditEvent, string actor, string approvalType, string outcome, JsonNode? inputs, string? agent, CancellationToken cancellationToken)
        => audit.AppendAsync(
            new AuditEntry
            {
                Event = auditEvent,
                Actor = actor,
                Agent = agent,
                Action = approval.Action,
                Inputs = inputs,
                Outcome = outcome,
                ApprovalType = approvalType,
                ApprovalId = approval.Id,
                Cluster = approval.Cluster,
                Namespace = approval.Namespace,
                Target = approval.Target,
            },
            cancellationToken);

    // The payload is opaque JSON text; audit it as JSON when it is, else as a string.
    private static JsonNode? ParsePayload(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}
