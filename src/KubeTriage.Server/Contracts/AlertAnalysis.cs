using System.Text.Json.Serialization;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Server.Contracts;

/// <summary>The answer of <c>POST /analyze</c>, in the shape alert-driven RCA users integrate with.</summary>
public sealed record AlertAnalysis
{
    [JsonPropertyName("analysis_summary")]
    public required string AnalysisSummary { get; init; }

    [JsonPropertyName("analysis_detail")]
    public required string AnalysisDetail { get; init; }

    /// <summary>Gets high, medium or low: how complete the collected evidence was.</summary>
    [JsonPropertyName("analysis_quality")]
    public required string AnalysisQuality { get; init; }

    [JsonPropertyName("missing_data")]
    public IReadOnlyList<string> MissingData { get; init; } = [];

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonPropertyName("capabilities")]
    public IReadOnlyDictionary<string, string> Capabilities { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("context")]
    public IReadOnlyDictionary<string, string?> Context { get; init; } = new Dictionary<string, string?>();

    [JsonPropertyName("thread_ts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("request_id")]
    public required string RequestId { get; init; }

    [JsonPropertyName("report")]
    public required DiagnosisReport Report { get; init; }
}
