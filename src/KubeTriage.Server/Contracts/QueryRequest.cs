using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>A question for <c>POST /</c> and <c>POST /stream</c>.</summary>
public sealed record QueryRequest
{
    /// <summary>Gets the question, such as "why is checkout failing?".</summary>
    [JsonPropertyName("query")]
    public string? Query { get; init; }

    /// <summary>Gets the time limit for the whole investigation.</summary>
    [JsonPropertyName("timeout_seconds")]
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Gets the most model turns an LLM investigation may take.</summary>
    [JsonPropertyName("max_turns")]
    public int MaxTurns { get; init; } = 15;

    /// <summary>Gets the cluster (kubeconfig context) to investigate; the default context when omitted.</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace to limit the investigation to.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>Gets the conversation this question continues.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }
}
