using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Core.Model;

/// <summary>Reads fields of unstructured Kubernetes JSON without throwing on missing or mistyped values.</summary>
public static class JsonPath
{
    /// <summary>Returns the node at a dotted path (for example <c>status.phase</c>), or null.</summary>
    public static JsonNode? At(this JsonNode? node, string path)
    {
        var current = node;
        foreach (var segment in path.Split('.'))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Returns the string at a path; numbers and booleans are rendered as text.</summary>
    public static string? Str(this JsonNode? node, string path)
    {
        var value = node.At(path);
        if (value is not JsonValue v)
        {
            return null;
        }

        return v.TryGetValue<string>(out var s) ? s : v.ToJsonString().Trim('"');
    }

    /// <summary>Returns the integer at a path, or null when absent or not a number.</summary>
    public static long? Long(this JsonNode? node, string path)
    {
        var value = node.At(path) as JsonValue;
        if (value is null)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return (long)d;
        }

        return value.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l) ? l : null;
    }

    /// <summary>Returns the boolean at a path, or null.</summary>
    public static bool? Bool(this JsonNode? node, string path)
    {
        var value = node.At(path) as JsonValue;
        return value is not null && value.TryGetValue<bool>(out var b) ? b : null;
    }

    /// <summary>Returns the timestamp at a path (RFC 3339), or null.</summary>
    public static DateTimeOffset? Time(this JsonNode? node, string path)
    {
        var s = node.Str(path);
        return s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>Returns the objects of the array at a path; missing arrays give an empty sequence.</summary>
    public static IEnumerable<JsonObject> Objects(this JsonNode? node, string path)
        => node.At(path) is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>Returns the string map at a path (labels, selectors, data keys).</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonNode? node, string path)
    {
        if (node.At(path) is not JsonObject obj)
        {
            return EmptyMap;
        }

        var map = new Dictionary<string, string>(obj.Count, StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }

        return map;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
