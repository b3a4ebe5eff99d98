using System.Text.Json;
using System.Text.Json.Serialization;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Remediation.Actions;

/// <summary>Reads and writes action descriptions as JSON: <c>{"type", "target": {"kind", "namespace", "name"}, "parameters": {}}</c>.</summary>
public static class ActionJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Returns the description as compact JSON.</summary>
    public static string Serialize(SuggestedAction action) => JsonSerializer.Serialize(action, s_options);

    /// <summary>Reads a description back; throws <see cref="FormatException"/> when the JSON is not one.</summary>
    public static SuggestedAction Deserialize(string json)
    {
        SuggestedAction? action;
        try
        {
            action = JsonSerializer.Deserialize<SuggestedAction>(json, s_options);
        }
        catch (JsonException error)
        {
            throw new FormatException($"not a remediation action description: {error.Message}", error);
        }

        if (action is null || string.IsNullOrEmpty(action.Type) || action.Target is null || string.IsNullOrEmpty(action.Target.Kind) || string.IsNullOrEmpty(action.Target.Name))
        {
            throw new FormatException("a remediation action description needs a type and a target with kind and name");
        }

        return action.Parameters is null ? action with { Parameters = new Dictionary<string, string>() } : action;
    }
}
