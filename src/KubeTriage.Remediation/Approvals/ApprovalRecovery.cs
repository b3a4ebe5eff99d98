using KubeTriage.Storage;

namespace KubeTriage.Remediation.Approvals;

/// <summary>What <see cref="ApprovalService.RecoverAfterRestartAsync"/> found.</summary>
/// <param name="ToExecute">Approved and never claimed: run each through <see cref="ApprovalService.ClaimForExecutionAsync"/>, which lets one process win.</param>
/// <param name="Interrupted">Were executing when the previous process stopped; now <c>interrupted</c>, for a person to decide again.</param>
/// <param name="Expired">Pending ones whose expiry passed while the server was down.</param>
public sealed record ApprovalRecovery(IReadOnlyList<Approval> ToExecute, IReadOnlyList<Approval> Interrupted, IReadOnlyList<Approval> Expired);
