using System.Text.Encodings.Web;
using System.Text.Json;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Reports;

/// <summary>Serializes reports in the JSON contract (spec section 4).</summary>
public static class ReportJson
{
    /// <summary>Gets the serializer options used for reports: indented, contract field names, no HTML escaping.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Returns the report as JSON.</summary>
    public static string Serialize(DiagnosisReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report back from JSON.</summary>
    public static DiagnosisReport? Deserialize(string json) => JsonSerializer.Deserialize<DiagnosisReport>(json, Options);
}
