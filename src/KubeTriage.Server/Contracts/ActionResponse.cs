using System.Text.Json.Serialization;
using KubeTriage.Remediation.Workflow;

namespace KubeTriage.Server.Contracts;

/// <summary>What <c>POST /api/v1/actions</c> did with a remediation.</summary>
public sealed record ActionResponse
{
    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("message")] public required string Message { get; init; }

    [JsonPropertyName("tier")] public string? Tier { get; init; }

    [JsonPropertyName("rule")] public string? Rule { get; init; }

    [JsonPropertyName("summary")] public string? Summary { get; init; }

    [JsonPropertyName("diff")] public string? Diff { get; init; }

    [JsonPropertyName("approval_id")] public string? ApprovalId { get; init; }

    [JsonPropertyName("verification")] public string? Verification { get; init; }

    /// <summary>Maps a workflow outcome.</summary>
    public static ActionResponse From(RemediationOutcome outcome) => new()
    {
        Status = outcome.Status switch
        {
            RemediationStatus.Refused => "refused",
            RemediationStatus.DryRunFailed => "dry_run_failed",
            RemediationStatus.PendingApproval => "pending_approval",
            RemediationStatus.Executed => "executed",
            _ => "failed",
        },
        Message = outcome.Message,
        Tier = outcome.Decision?.Tier.ToString().ToLowerInvariant(),
        Rule = outcome.Decision?.Rule,
        Summary = outcome.Plan?.Summary,
        Diff = outcome.Plan?.Diff,
        ApprovalId = outcome.ApprovalId,
        Verification = outcome.Verification is { } v ? $"{v.Status.ToString().ToLowerInvariant()}: {v.Message}" : null,
    };
}
