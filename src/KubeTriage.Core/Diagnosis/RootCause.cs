using System.Text.Json.Serialization;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Diagnosis;

/// <summary>One cause that explains a set of symptoms, as the report contract describes it.</summary>
public sealed record RootCause
{
    /// <summary>Gets the category code (spec section 5).</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>Gets critical, warning or info.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>Gets the object where the fix belongs.</summary>
    [JsonPropertyName("resource")]
    public required ObjectRef Resource { get; init; }

    /// <summary>Gets a short line.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Gets why this is the cause, in plain words.</summary>
    [JsonPropertyName("explanation")]
    public required string Explanation { get; init; }

    /// <summary>Gets the exact lines that prove it.</summary>
    [JsonPropertyName("evidence")]
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Gets the other objects this cause breaks (pods, Services, Ingresses).</summary>
    [JsonPropertyName("affected")]
    public IReadOnlyList<ObjectRef> Affected { get; init; } = [];

    /// <summary>Gets suggested fixes.</summary>
    [JsonPropertyName("remediation")]
    public IReadOnlyList<Remediation> Remediation { get; init; } = [];
}
