using System.Text.Json.Serialization;

namespace KubeTriage.Core.Diagnosis;

/// <summary>Describes what a report is about.</summary>
public sealed record DiagnosisTarget(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("namespace")] string? Namespace,
    [property: JsonPropertyName("observedAt")] DateTimeOffset ObservedAt,
    [property: JsonPropertyName("objects")] int Objects);
