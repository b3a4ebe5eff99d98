using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Patching;

/// RFC 6902 JSON patch. Any failure (including a failed test op) is reported as <see cref="FormatException"/>.
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject document, JsonArray operations)
    {
        JsonNode root = document;
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || op.Str("op") is not { } name || op.Str("path") is not { } path)
            {
                throw new FormatException("invalid JSON patch operation");
            }

            switch (name)
            {
                case "add":
                    root = Add(root, path, Value(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    root = Add(root, path, Value(op));
                    break;
                case "move":
                    var moved = Get(root, op.Str("from") ?? throw new FormatException("missing from"))?.DeepClone();
                    Remove(root, op.Str("from")!);
                    root = Add(root, path, moved);
                    break;
                case "copy":
                    root = Add(root, path, Get(root, op.Str("from") ?? throw new FormatException("missing from"))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw new FormatException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new FormatException($"unexpected kind of operation: {name}");
            }
        }

        return root as JsonObject ?? throw new FormatException("patch replaced the whole document with a non-object");
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new FormatException("missing value");

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (path[0] != '/')
        {
            throw new FormatException($"invalid path {path}");
        }

        return path[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }

    private static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => throw new FormatException($"path {path} not found"),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode root, string path, JsonNode? value)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            return value ?? throw new FormatException("cannot replace the document with null");
        }

        var parent = Get(root, ParentPath(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw new FormatException($"add operation does not apply: {path}");
        }

        return root;
    }

    private static void Remove(JsonNode root, string path)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            throw new FormatException("cannot remove the document root");
        }

        var parent = Get(root, ParentPath(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array.RemoveAt(index);
                break;
            default:
                throw new FormatException($"remove operation does not apply: doc is missing path: {path}");
        }
    }

    private static string ParentPath(List<string> tokens) =>
        tokens.Count == 1 ? "" : "/" + string.Join('/', tokens[..^1].Select(Escape));

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
