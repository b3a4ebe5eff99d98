using System.Text.Json.Serialization;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Diagnosis;

/// <summary>Names a typed remediation action (rather than a kubectl command): its type, target and parameters.</summary>
/// <remarks>
/// This is the JSON form an approval stores and a later process rebuilds the action from
/// (<c>{"type": "scale", "target": {"kind", "namespace", "name"}, "parameters": {"replicas": "3"}}</c>).
/// Parameter values are strings so the form stays flat and stable across versions.
/// </remarks>
public sealed record SuggestedAction
{
    /// <summary>Gets the action type, such as <c>rollout-restart</c> or <c>raise-memory-limit</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Gets the object the action changes (for a namespace-wide action, the Namespace).</summary>
    [JsonPropertyName("target")]
    [JsonConverter(typeof(ActionTargetConverter))]
    public required ObjectRef Target { get; init; }

    /// <summary>Gets the action's parameters, such as <c>replicas</c> or <c>container</c>.</summary>
    [JsonPropertyName("parameters")]
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Returns the value of a parameter, or null when it is not set.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Returns <c>type Kind/namespace/name</c> with the parameters, for logs and prompts.</summary>
    public override string ToString()
        => Parameters.Count == 0
            ? $"{Type} {Target}"
            : $"{Type} {Target} ({string.Join(", ", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))})";
}
