using System.Text.Json.Serialization;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Diagnosis;

/// <summary>One thing an analyzer observed about one object; correlation turns findings into root causes.</summary>
public sealed record Finding
{
    /// <summary>Gets the analyzer that produced this finding.</summary>
    [JsonPropertyName("analyzer")]
    public required string Analyzer { get; init; }

    /// <summary>Gets the root-cause category this finding points to (see <see cref="Categories"/>).</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>Gets the severity if this finding became a root cause.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>Gets the object the finding is about (usually a Pod, Service or workload).</summary>
    [JsonPropertyName("resource")]
    public required ObjectRef Subject { get; init; }

    /// <summary>Gets a short line.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Gets why this matters, in plain words.</summary>
    [JsonPropertyName("explanation")]
    public required string Explanation { get; init; }

    /// <summary>Gets the exact lines that support the finding.</summary>
    [JsonPropertyName("evidence")]
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Gets suggested fixes.</summary>
    [JsonPropertyName("remediation")]
    public IReadOnlyList<Remediation> Remediation { get; init; } = [];

    /// <summary>Gets the container the finding is about, when it is about one.</summary>
    [JsonPropertyName("container")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Container { get; init; }

    /// <summary>Gets an object this finding says is the deeper cause (a missing Secret, a dependency Service).</summary>
    [JsonPropertyName("cause")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ObjectRef? Cause { get; init; }
}
