using System.Globalization;
using System.Text.Json;

namespace KubeTriage.Core.Model;

/// <summary>Reads fields of Kubernetes JSON (read-only <see cref="JsonElement"/>s) without throwing on missing or mistyped values.</summary>
/// <remarks>A missing value is <c>default(JsonElement)</c> (ValueKind Undefined), so calls chain without null checks.</remarks>
public static class JsonPath
{
    /// <summary>Returns the element at a dotted path (for example <c>status.phase</c>), or an Undefined element.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        // Walks the segments as spans: this runs millions of times on a big cluster, so it must not allocate.
        var current = element;
        var rest = path.AsSpan();
        while (current.ValueKind == JsonValueKind.Object)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            if (!current.TryGetProperty(segment, out current))
            {
                return default;
            }

            if (dot < 0)
            {
                return current;
            }

            rest = rest[(dot + 1)..];
        }

        return default;
    }

    /// <summary>Returns one property by its exact name (keys such as <c>tls.crt</c> contain dots), or an Undefined element.</summary>
    public static JsonElement Prop(this JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Returns whether the element holds a value (not missing, not null).</summary>
    public static bool Exists(this JsonElement element) => element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    /// <summary>Returns the string at a path; numbers and booleans are rendered as text.</summary>
    public static string? Str(this JsonElement element, string path) => AsString(element.At(path));

    /// <summary>Returns the element as text: strings as they are, numbers and booleans rendered, else null.</summary>
    public static string? AsString(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>Returns the integer at a path, or null when absent or not a number.</summary>
    public static long? Long(this JsonElement element, string path)
    {
        var value = element.At(path);
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var l) => l,
            JsonValueKind.Number => (long)value.GetDouble(),
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    /// <summary>Returns the boolean at a path, or null.</summary>
    public static bool? Bool(this JsonElement element, string path) => element.At(path).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Returns the timestamp at a path (RFC 3339), or null.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string path)
    {
        var value = element.At(path);
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // The UTF-8 ISO 8601 reader avoids a string per timestamp: events carry several and a cluster has 100,000 of them.
        if (value.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    /// <summary>Returns the objects of the array at a path; a missing array gives an empty sequence.</summary>
    public static IEnumerable<JsonElement> Objects(this JsonElement element, string path)
    {
        var array = element.At(path);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];
    }

    /// <summary>Returns the strings of the array at a path.</summary>
    public static IEnumerable<string> Strings(this JsonElement element, string path)
    {
        var array = element.At(path);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(AsString).OfType<string>() : [];
    }

    /// <summary>Returns the string map at a path (labels, selectors, data keys).</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonElement element, string path)
    {
        var obj = element.At(path);
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return EmptyMap;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            map[property.Name] = AsString(property.Value) ?? property.Value.GetRawText();
        }

        return map;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
