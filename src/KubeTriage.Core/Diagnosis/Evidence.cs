using System.Text.Json.Serialization;

namespace KubeTriage.Core.Diagnosis;

/// <summary>One exact line that supports a finding, with where it came from.</summary>
public sealed record Evidence(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>Evidence read from an object's status.</summary>
    public static Evidence Status(string text) => new("status", text);

    /// <summary>Evidence read from an Event.</summary>
    public static Evidence Event(string text) => new("event", text);

    /// <summary>Evidence read from a container log.</summary>
    public static Evidence Log(string text) => new("log", text);

    /// <summary>Evidence read from a metric (HPA status, Prometheus).</summary>
    public static Evidence Metric(string text) => new("metric", text);

    /// <summary>Evidence read from an object's spec.</summary>
    public static Evidence Spec(string text) => new("spec", text);
}
