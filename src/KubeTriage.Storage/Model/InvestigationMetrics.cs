using System.Text.Json.Serialization;

namespace KubeTriage.Storage;

/// <summary>What an investigation cost: time, turns, money and tokens; stored as JSON with these snake_case names.</summary>
public sealed record InvestigationMetrics
{
    /// <summary>Gets the wall-clock duration in milliseconds.</summary>
    [JsonPropertyName("duration_ms")]
    public long DurationMs { get; init; }

    /// <summary>Gets the number of model turns.</summary>
    [JsonPropertyName("num_turns")]
    public int NumTurns { get; init; }

    /// <summary>Gets the total model cost in US dollars.</summary>
    [JsonPropertyName("total_cost_usd")]
    public decimal TotalCostUsd { get; init; }

    /// <summary>Gets the token counts.</summary>
    [JsonPropertyName("usage")]
    public TokenUsage Usage { get; init; } = new();

    /// <summary>Gets a free-form breakdown, e.g. milliseconds or dollars per phase or per model.</summary>
    [JsonPropertyName("breakdown")]
    public IReadOnlyDictionary<string, decimal> Breakdown { get; init; } = new Dictionary<string, decimal>();
}
