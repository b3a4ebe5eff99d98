using System.Text.Json.Serialization;

namespace KubeTriage.Core.Diagnosis;

/// <summary>One suggested fix, with the kubectl command and its risk tier.</summary>
public sealed record Remediation(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("command")] string? Command,
    [property: JsonPropertyName("risk")] string Risk)
{
    /// <summary>Read-only or trivially reversible.</summary>
    public const string Safe = "safe";

    /// <summary>Changes the cluster; needs a person's approval.</summary>
    public const string Confirm = "confirm";

    /// <summary>Never run automatically.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Gets the typed action that performs this fix through the API, when there is one (optional in the JSON).</summary>
    [JsonPropertyName("action")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SuggestedAction? Action { get; init; }
}
