using System.Text.Json.Serialization;
using KubeTriage.Storage;

namespace KubeTriage.Server.Contracts;

/// <summary>An approval as <c>/api/v1/approvals</c> shows it.</summary>
public sealed record ApprovalView
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("action")] public required string Action { get; init; }

    [JsonPropertyName("summary")] public required string Summary { get; init; }

    [JsonPropertyName("tier")] public required string Tier { get; init; }

    [JsonPropertyName("reason")] public required string Reason { get; init; }

    [JsonPropertyName("requested_by")] public required string RequestedBy { get; init; }

    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("expires_at")] public required DateTimeOffset ExpiresAt { get; init; }

    [JsonPropertyName("cluster")] public string? Cluster { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("target")] public string? Target { get; init; }

    [JsonPropertyName("thread_id")] public string? ThreadId { get; init; }

    [JsonPropertyName("dry_run_diff")] public string? DryRunDiff { get; init; }

    [JsonPropertyName("decided_by")] public string? DecidedBy { get; init; }

    [JsonPropertyName("decided_at")] public DateTimeOffset? DecidedAt { get; init; }

    [JsonPropertyName("decision_note")] public string? DecisionNote { get; init; }

    [JsonPropertyName("executed_at")] public DateTimeOffset? ExecutedAt { get; init; }

    [JsonPropertyName("result")] public string? Result { get; init; }

    /// <summary>Maps a stored approval.</summary>
    public static ApprovalView From(Approval approval) => new()
    {
        Id = approval.Id,
        Status = approval.Status.ToString().ToLowerInvariant(),
        Action = approval.Action,
        Summary = approval.Summary,
        Tier = approval.Tier,
        Reason = approval.Reason,
        RequestedBy = approval.RequestedBy,
        CreatedAt = approval.CreatedAt,
        ExpiresAt = approval.ExpiresAt,
        Cluster = approval.Cluster,
        Namespace = approval.Namespace,
        Target = approval.Target,
        ThreadId = approval.ThreadId,
        DryRunDiff = approval.DryRunDiff,
        DecidedBy = approval.DecidedBy,
        DecidedAt = approval.DecidedAt,
        DecisionNote = approval.DecisionNote,
        ExecutedAt = approval.ExecutedAt,
        Result = approval.Result,
    };
}
