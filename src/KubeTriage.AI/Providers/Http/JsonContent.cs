using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Http;

/// <summary>Converts between MEAI content values and provider JSON.</summary>
internal static class JsonContent
{
    public static JsonObject ArgumentsObject(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return [];
        }

        return JsonSerializer.SerializeToNode(arguments, AIJsonUtilities.DefaultOptions) as JsonObject ?? [];
    }

    public static Dictionary<string, object?> ParseArguments(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    public static Dictionary<string, object?> ParseArguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        using var document = JsonDocument.Parse(json);
        return ParseArguments(document.RootElement);
    }

    /// <summary>Renders a tool result as the text providers expect.</summary>
    public static string ResultText(FunctionResultContent result)
    {
        return result.Result switch
        {
            null => result.Exception is { } ex ? $"Error: {ex.Message}" : "",
            string s => s,
            JsonElement e when e.ValueKind == JsonValueKind.String => e.GetString() ?? "",
            JsonElement e => e.GetRawText(),
            var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions),
        };
    }

    public static JsonNode Schema(AIFunctionDeclaration function) => JsonNode.Parse(function.JsonSchema.GetRawText()) ?? new JsonObject();

    public static long? Long(JsonElement parent, string name)
        => parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;

    public static string? String(JsonElement parent, string name)
        => parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
