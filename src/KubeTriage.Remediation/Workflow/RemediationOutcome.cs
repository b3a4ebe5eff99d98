using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Workflow;

/// <summary>What happened to a proposed remediation: the policy's decision, the dry run, and the approval or execution.</summary>
/// <param name="Status">Where it ended up.</param>
/// <param name="Message">One sentence for a person.</param>
/// <param name="Decision">The policy's decision; null when the action was refused before the policy was asked.</param>
/// <param name="Plan">The dry run's summary and diff; null when no dry run ran.</param>
/// <param name="ApprovalId">The pending approval, for the confirm tier.</param>
/// <param name="Verification">The verification result, when it ran.</param>
public sealed record RemediationOutcome(
    RemediationStatus Status,
    string Message,
    PolicyDecision? Decision = null,
    ActionPlan? Plan = null,
    string? ApprovalId = null,
    VerificationResult? Verification = null);
