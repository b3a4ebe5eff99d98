using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Json;

/// Small accessors for the untyped object model the sandbox works on.
internal static class JsonHelpers
{
    public static JsonObject? Obj(this JsonNode? node, string key) => (node as JsonObject)?[key] as JsonObject;

    public static JsonArray? Arr(this JsonNode? node, string key) => (node as JsonObject)?[key] as JsonArray;

    public static string? Str(this JsonNode? node, string key)
    {
        var value = (node as JsonObject)?[key];
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }

    public static long? Long(this JsonNode? node, string key) => AsLong((node as JsonObject)?[key]);

    public static bool Bool(this JsonNode? node, string key)
    {
        var value = (node as JsonObject)?[key];
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.True;
    }

    public static long? AsLong(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            // The node may wrap any CLR number type; its JSON text is the common ground.
            JsonValueKind.Number => long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l
                : (long)double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValueKind.String => long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null,
            _ => null,
        };
    }

    /// <summary>Renders a scalar the way Go's fmt would print it inside a selector or cell.</summary>
    public static string? ScalarText(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
    }

    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    public static string Name(this JsonObject obj) => obj.Obj("metadata").Str("name") ?? "";

    public static string Namespace(this JsonObject obj) => obj.Obj("metadata").Str("namespace") ?? "";

    public static JsonObject CloneObject(this JsonObject obj) => (JsonObject)obj.DeepClone();

    public static JsonObject ParseObject(string json) => JsonNode.Parse(json) as JsonObject ?? throw new JsonException("expected a JSON object");

    /// <summary>Rebuilds an object with its keys in the given order first, the rest after in their current order.</summary>
    public static void Reorder(JsonObject obj, IReadOnlyList<string> order)
    {
        var entries = obj.ToList();
        obj.Clear();
        foreach (var key in order)
        {
            foreach (var entry in entries)
            {
                if (entry.Key == key)
                {
                    obj[entry.Key] = entry.Value;
                }
            }
        }

        foreach (var entry in entries)
        {
            if (!order.Contains(entry.Key))
            {
                obj[entry.Key] = entry.Value;
            }
        }
    }

    public static void SortKeys(JsonObject obj, bool recursive)
    {
        var entries = obj.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        obj.Clear();
        foreach (var entry in entries)
        {
            obj[entry.Key] = entry.Value;
            if (recursive)
            {
                SortNested(entry.Value);
            }
        }
    }

    private static void SortNested(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject child:
                SortKeys(child, recursive: true);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    SortNested(item);
                }

                break;
        }
    }
}
