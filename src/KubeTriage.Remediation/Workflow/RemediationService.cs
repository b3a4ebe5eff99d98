using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Policy;
using KubeTriage.Storage;

namespace KubeTriage.Remediation.Workflow;

/// <summary>Takes a typed action from proposal to verified change: dry run, policy, approval, execution, verification, audit.</summary>
/// <remarks>
/// Nothing is written for real before a server-side dry run succeeded and the policy allowed it; confirm-tier actions
/// wait in <see cref="ApprovalService"/> and run through <see cref="ExecuteApprovedAsync"/>, which claims each approval
/// atomically so it runs exactly once whichever process (server, CLI, a restarted server) gets there. Thread-safe.
/// </remarks>
public sealed class RemediationService(ActionRegistry actions, IRemediationPolicy policy, ApprovalService approvals, AuditTrail audit, VerifyOptions? verify = null)
{
    /// <summary>Dry-runs an action, judges it, and runs it (safe), holds it for approval (confirm) or refuses it (forbidden).</summary>
    /// <exception cref="ArgumentException">The action type, target kind or a parameter is invalid.</exception>
    public async Task<RemediationOutcome> ProposeAsync(SuggestedAction action, IKubernetesClient client, RemediationRequester requester, CancellationToken cancellationToken = default)
    {
        var implementation = actions.Create(action);
        var (plan, failure) = await DryRunAsync(implementation, client, requester, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var failing = await FailingPods.CountAsync(client, plan!.Request.Namespace, cancellationToken);
        var decision = policy.Evaluate(plan.Request with { Workflow = requester.Workflow }, failing);
        switch (decision.Tier)
        {
            case RiskTier.Forbidden:
                await AuditAsync(AuditEvents.Refused, action, requester, AuditApprovalTypes.None, $"{decision.Reason} (rule {decision.Rule})", plan.Request.Namespace, cancellationToken: cancellationToken);
                return new RemediationOutcome(RemediationStatus.Refused, decision.Reason, decision, plan);
            case RiskTier.Confirm:
                var approval = await approvals.RequestAsync(
                    new ApprovalRequest
                    {
                        Action = action.Type,
                        Summary = plan.Summary,
                        Payload = ActionJson.Serialize(plan.Action),
                        Decision = decision,
                        RequestedBy = requester.Actor,
                        Agent = requester.Agent,
                        ThreadId = requester.ThreadId,
                        Cluster = requester.Cluster,
                        Namespace = plan.Request.Namespace,
                        Target = Target(action),
                        DryRunDiff = plan.Diff,
                        Workflow = requester.Workflow,
                    },
                    cancellationToken);
                return new RemediationOutcome(RemediationStatus.PendingApproval, $"waiting for approval {approval.Id}: {decision.Reason}", decision, plan, approval.Id);
            default:
                // Run what the dry run showed: the plan may pin details (the pods listed) that the proposal left open.
                var (status, message, verification) = await ExecuteAsync(actions.Create(plan.Action), client, cancellationToken);
                await AuditAsync(status == RemediationStatus.Executed ? AuditEvents.Executed : AuditEvents.Failed, action, requester, AuditApprovalTypes.AutoSafe, message, plan.Request.Namespace, cancellationToken: cancellationToken);
                return new RemediationOutcome(status, message, decision, plan, Verification: verification);
        }
    }

    /// <summary>Runs an approved approval if this caller wins the claim; returns the finished approval, or null when it was not ours to run.</summary>
    /// <param name="approvalId">The approval.</param>
    /// <param name="clientFor">Returns the client of the approval's cluster (null: the default cluster).</param>
    /// <param name="cancellationToken">Cancels waiting; an execution already sent is still recorded.</param>
    public async Task<Approval?> ExecuteApprovedAsync(string approvalId, Func<string?, IKubernetesClient> clientFor, CancellationToken cancellationToken = default)
    {
        var approval = await approvals.ClaimForExecutionAsync(approvalId, cancellationToken);
        if (approval is null)
        {
            return null;
        }

        string result;
        var succeeded = false;
        try
        {
            var implementation = actions.Create(approval.Payload);
            var client = clientFor(approval.Cluster);

            // The cluster may have changed while the approval waited: dry-run again and ask the policy again. A person's
            // approval lifts confirm to run, never forbidden (a policy tightened meanwhile wins).
            var plan = await implementation.PlanAsync(client, cancellationToken);
            var failing = await FailingPods.CountAsync(client, plan.Request.Namespace, cancellationToken);
            var decision = policy.Evaluate(plan.Request with { Workflow = approval.Workflow }, failing);
            if (decision.Tier == RiskTier.Forbidden)
            {
                result = $"not executed: the policy now forbids it: {decision.Reason}";
            }
            else
            {
                var (status, message, _) = await ExecuteAsync(implementation, client, cancellationToken);
                (succeeded, result) = (status == RemediationStatus.Executed, message);
            }
        }
        catch (Exception ex) when (ex is ActionRefusedException or ArgumentException or KubernetesException or KeyNotFoundException)
        {
            result = "not executed: " + ex.Message;
        }

        return await approvals.CompleteAsync(approval.Id, succeeded, result, CancellationToken.None);
    }

    private async Task<(ActionPlan? Plan, RemediationOutcome? Failure)> DryRunAsync(IRemediationAction implementation, IKubernetesClient client, RemediationRequester requester, CancellationToken ct)
    {
        var action = implementation.Action;
        try
        {
            var plan = await implementation.PlanAsync(client, ct);
            await AuditAsync(AuditEvents.DryRun, action, requester, AuditApprovalTypes.None, plan.Summary, plan.Request.Namespace, plan.Diff, ct);
            return (plan, null);
        }
        catch (ActionRefusedException ex)
        {
            await AuditAsync(AuditEvents.Refused, action, requester, AuditApprovalTypes.None, ex.Message, cancellationToken: ct);
            return (null, new RemediationOutcome(RemediationStatus.Refused, ex.Message));
        }
        catch (KubernetesApiException ex)
        {
            await AuditAsync(AuditEvents.DryRun, action, requester, AuditApprovalTypes.None, "dry run failed: " + ex.Message, cancellationToken: ct);
            return (null, new RemediationOutcome(RemediationStatus.DryRunFailed, "the server-side dry run failed: " + ex.Message));
        }
    }

    private async Task<(RemediationStatus Status, string Message, VerificationResult? Verification)> ExecuteAsync(IRemediationAction implementation, IKubernetesClient client, CancellationToken ct)
    {
        ActionExecution execution;
        try
        {
            execution = await implementation.ExecuteAsync(client, ct);
        }
        catch (Exception ex) when (ex is KubernetesException or ActionRefusedException)
        {
            return (RemediationStatus.Failed, "execution failed: " + ex.Message, null);
        }

        var verification = await implementation.VerifyAsync(client, execution, verify, ct);
        var message = $"{execution.Summary}; verification {verification.Status.ToString().ToLowerInvariant()}: {verification.Message}";
        return (verification.Succeeded ? RemediationStatus.Executed : RemediationStatus.Failed, message, verification);
    }

    // The namespace recorded is the one the policy judged (a namespace-wide action names it as its target's name).
    private Task AuditAsync(
        string auditEvent, SuggestedAction action, RemediationRequester requester, string approvalType, string outcome, string? judgedNamespace = null, string? diff = null, CancellationToken cancellationToken = default)
    {
        var inputs = JsonNode.Parse(ActionJson.Serialize(action))!.AsObject();
        if (diff is not null)
        {
            inputs["diff"] = diff;
        }

        return audit.AppendAsync(
            new AuditEntry
            {
                Event = auditEvent,
                Actor = requester.Actor,
                Agent = requester.Agent,
                Action = action.Type,
                Inputs = inputs,
                Outcome = outcome,
                ApprovalType = approvalType,
                Cluster = requester.Cluster,
                Namespace = judgedNamespace ?? action.Target.Namespace,
                Target = Target(action),
            },
            cancellationToken);
    }

    private static string Target(SuggestedAction action) => $"{action.Target.Kind.ToLowerInvariant()}/{action.Target.Name}";
}
