using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>The body of <c>POST /summarize-incident</c>: the incident's alerts and, optionally, earlier analyses.</summary>
public sealed record IncidentSummaryRequest
{
    [JsonPropertyName("alerts")]
    public List<AlertRequest>? Alerts { get; init; }

    /// <summary>Gets ids of investigations to include besides those found by the alerts' fingerprints.</summary>
    [JsonPropertyName("investigation_ids")]
    public List<string>? InvestigationIds { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }
}
