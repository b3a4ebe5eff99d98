using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>A decision for <c>POST /api/v1/approvals/{id}/approve</c> or <c>/reject</c>.</summary>
public sealed record ApprovalDecisionRequest
{
    /// <summary>Gets who decides, recorded in the approval and the audit trail.</summary>
    [JsonPropertyName("approver")]
    public string? Approver { get; init; }

    /// <summary>Gets an optional note.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
