using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>Alertmanager's webhook payload (version 4): a group of alerts.</summary>
public sealed record AlertmanagerWebhook
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("groupKey")]
    public string? GroupKey { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("receiver")]
    public string? Receiver { get; init; }

    [JsonPropertyName("groupLabels")]
    public Dictionary<string, string>? GroupLabels { get; init; }

    [JsonPropertyName("commonLabels")]
    public Dictionary<string, string>? CommonLabels { get; init; }

    [JsonPropertyName("commonAnnotations")]
    public Dictionary<string, string>? CommonAnnotations { get; init; }

    [JsonPropertyName("externalURL")]
    public string? ExternalUrl { get; init; }

    [JsonPropertyName("alerts")]
    public List<AlertRequest>? Alerts { get; init; }
}
