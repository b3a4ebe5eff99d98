using System.Text.Json.Serialization;

namespace KubeTriage.Storage;

/// <summary>Token counts of an investigation's model calls.</summary>
public sealed record TokenUsage
{
    /// <summary>Gets the input tokens.</summary>
    [JsonPropertyName("input_tokens")]
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    [JsonPropertyName("output_tokens")]
    public long OutputTokens { get; init; }

    /// <summary>Gets the input tokens read from the prompt cache.</summary>
    [JsonPropertyName("cache_read_input_tokens")]
    public long CacheReadInputTokens { get; init; }

    /// <summary>Gets the input tokens written to the prompt cache.</summary>
    [JsonPropertyName("cache_creation_input_tokens")]
    public long CacheCreationInputTokens { get; init; }
}
