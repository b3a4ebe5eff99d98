using System.Text.Json.Serialization;

namespace KubeTriage.Core.Diagnosis;

/// <summary>What an investigation cost, in the shape users of LLM investigation agents expect.</summary>
/// <remarks>Shared by the API answers and the store, so what is returned is what is kept.</remarks>
public sealed record InvestigationMetrics
{
    /// <summary>Gets the wall time of the investigation.</summary>
    [JsonPropertyName("duration_ms")]
    public long DurationMs { get; init; }

    [JsonPropertyName("num_turns")]
    public int NumTurns { get; init; }

    [JsonPropertyName("total_cost_usd")]
    public decimal TotalCostUsd { get; init; }

    [JsonPropertyName("usage")]
    public TokenUsage Usage { get; init; } = new();

    [JsonPropertyName("breakdown")]
    public IReadOnlyList<AgentBreakdown> Breakdown { get; init; } = [];
}

/// <summary>Token counts of an investigation or one agent.</summary>
public sealed record TokenUsage
{
    [JsonPropertyName("input_tokens")]
    public long InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public long OutputTokens { get; init; }

    [JsonPropertyName("cache_creation_input_tokens")]
    public long CacheCreationInputTokens { get; init; }

    [JsonPropertyName("cache_read_input_tokens")]
    public long CacheReadInputTokens { get; init; }
}

/// <summary>One agent's (or the engine's) share of an investigation.</summary>
public sealed record AgentBreakdown(
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("usage")] TokenUsage Usage,
    [property: JsonPropertyName("cost_usd")] decimal CostUsd);
