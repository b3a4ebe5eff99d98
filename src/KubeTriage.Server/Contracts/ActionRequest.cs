using System.Text.Json.Serialization;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Server.Contracts;

/// <summary>A typed remediation for <c>POST /api/v1/actions</c>: the <c>action</c> of a report's remediation, plus who asks.</summary>
public sealed record ActionRequest
{
    /// <summary>Gets the action, as a report's remediation carries it.</summary>
    [JsonPropertyName("action")]
    public SuggestedAction? Action { get; init; }

    /// <summary>Gets the cluster; the default when omitted.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }

    /// <summary>Gets who asks, recorded in the audit trail.</summary>
    [JsonPropertyName("requested_by")]
    public string? RequestedBy { get; init; }

    /// <summary>Gets the conversation thread, if any.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }
}
