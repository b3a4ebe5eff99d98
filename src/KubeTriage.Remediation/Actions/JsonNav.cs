using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Tolerant dotted-path reads on unstructured objects (a missing or mistyped field reads as null).</summary>
internal static class JsonNav
{
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    public static string? Str(this JsonNode? node, string path)
        => node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Long(this JsonNode? node, string path)
        => node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;

    public static bool? Bool(this JsonNode? node, string path) => node.At(path) is JsonValue value
        ? value.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
        : null;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node, string path)
        => node.At(path) is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IReadOnlyDictionary<string, string> Map(this JsonNode? node, string path)
        => node.At(path) is JsonObject map
            ? map.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public static string Name(this JsonObject obj) => obj.Str("metadata.name") ?? "";

    public static string? Uid(this JsonObject obj) => obj.Str("metadata.uid");

    /// <summary>Returns the ownerReference marked controller, if any.</summary>
    public static JsonObject? ControllerRef(this JsonObject obj)
        => obj.Objects("metadata.ownerReferences").FirstOrDefault(o => o.Bool("controller") == true);

    public static bool IsReady(this JsonObject pod)
        => pod.Objects("status.conditions").Any(c => c.Str("type") == "Ready" && c.Str("status") == "True");
}
