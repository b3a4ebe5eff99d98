using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>One Alertmanager alert for <c>POST /analyze</c>.</summary>
public sealed record AlertRequest
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; init; }

    [JsonPropertyName("startsAt")]
    public DateTimeOffset? StartsAt { get; init; }

    [JsonPropertyName("endsAt")]
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }

    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    /// <summary>Gets the Slack thread the answer belongs to, passed through.</summary>
    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    /// <summary>Gets the cluster to look at (an alert label <c>cluster</c> works too).</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
}
