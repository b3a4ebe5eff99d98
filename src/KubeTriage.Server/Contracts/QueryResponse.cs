using System.Text.Json.Serialization;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Server.Contracts;

/// <summary>The answer of <c>POST /</c>: the text a person reads, the report, and what it cost.</summary>
public sealed record QueryResponse(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("report")] DiagnosisReport Report,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("metrics")] InvestigationMetrics Metrics,
    [property: JsonPropertyName("thread_id")] string ThreadId,
    [property: JsonPropertyName("investigation_id")] string InvestigationId);
