using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Tolerant accessors over the YamlDotNet representation model.</summary>
internal static class YamlNodes
{
    public static string? GetString(YamlMappingNode? map, string key)
    {
        if (map is null || !map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;
    }

    public static bool GetBool(YamlMappingNode? map, string key, string file)
    {
        var text = GetString(map, key);
        if (text is null)
        {
            return false;
        }

        return TryParseBool(text, out var value)
            ? value
            : throw new KubeConfigException($"malformed kubeconfig {file}: \"{key}\" must be true or false, got \"{text}\"");
    }

    public static YamlMappingNode? GetMap(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    public static IEnumerable<YamlMappingNode> GetMaps(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlMappingNode>()
            : [];

    public static IReadOnlyList<string> GetStrings(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
            : [];

    /// <summary>Converts a YAML node to JSON so exec plugins receive extension config as JSON.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[KeyText((YamlScalarNode)key)] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar when IsNull(scalar):
                return null;
            case YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain:
                return PlainScalar(scalar.Value ?? string.Empty);
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }

    /// <summary>Parses booleans with YAML 1.1 rules (yes/no/on/off/y/n too), as kubectl's YAML decoder does.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    // YAML 1.1 turns plain keys such as "on" or "n" into booleans, which become "true"/"false" in JSON.
    private static string KeyText(YamlScalarNode key) =>
        key.Style == YamlDotNet.Core.ScalarStyle.Plain && TryParseBool(key.Value ?? string.Empty, out var flag)
            ? (flag ? "true" : "false")
            : key.Value ?? string.Empty;

    private static JsonNode PlainScalar(string text)
    {
        if (TryParseBool(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
