using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Small tolerant accessors for unstructured objects.</summary>
internal static class Json
{
    public static string? GetString(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int? GetInt(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : null;

    public static bool GetBool(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IReadOnlyList<string> GetStrings(JsonObject obj, string key) =>
        obj[key] is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];

    public static string? GetMetadataString(JsonObject obj, string key) =>
        obj["metadata"] is JsonObject metadata ? GetString(metadata, key) : null;
}
