using System.Text.Json.Serialization;

namespace KubeTriage.Core.Diagnosis;

/// <summary>The diagnosis report (spec section 4): summary, root causes, findings, capabilities and warnings.</summary>
public sealed record DiagnosisReport
{
    /// <summary>Gets the paragraph a person reads first.</summary>
    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    /// <summary>Gets the root causes, most impactful first.</summary>
    [JsonPropertyName("rootCauses")]
    public IReadOnlyList<RootCause> RootCauses { get; init; } = [];

    /// <summary>Gets every finding the analyzers produced, before correlation.</summary>
    [JsonPropertyName("findings")]
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Gets what could be read per source: ok, partial, unavailable or unknown.</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyDictionary<string, string> Capabilities { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets problems met while collecting (unreadable files, forbidden kinds).</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets what was diagnosed: cluster name or snapshot path, and scope.</summary>
    [JsonPropertyName("target")]
    public DiagnosisTarget? Target { get; init; }

    /// <summary>Gets whether any critical or warning root cause was found.</summary>
    [JsonIgnore]
    public bool HasProblems => RootCauses.Any(r => r.Severity != Severity.Info);
}
