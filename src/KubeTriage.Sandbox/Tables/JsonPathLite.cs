using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// The JSONPath subset CRD printer columns use: .a.b, [n], [*] and [?(@.k=="v")] filters.
internal static class JsonPathLite
{
    public static List<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var current = new List<JsonNode?> { root };
        var text = path.Trim().TrimStart('{').TrimEnd('}').Trim();
        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var i = 0;
        while (i < text.Length && current.Count > 0)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '.' && text[end] != '[')
                {
                    end++;
                }

                var key = text[(i + 1)..end];
                current = current.Select(n => key.Length == 0 ? n : (n as JsonObject)?[key]).Where(n => n is not null).ToList();
                i = end;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    return [];
                }

                var selector = text[(i + 1)..end];
                current = current.SelectMany(n => Index(n, selector)).ToList();
                i = end + 1;
            }
            else
            {
                return [];
            }
        }

        return current;
    }

    private static IEnumerable<JsonNode?> Index(JsonNode? node, string selector)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        if (selector == "*")
        {
            return array;
        }

        if (int.TryParse(selector, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            index = index < 0 ? array.Count + index : index;
            return index >= 0 && index < array.Count ? [array[index]] : [];
        }

        if (selector.StartsWith("?(@.", StringComparison.Ordinal) && selector.EndsWith(')'))
        {
            var condition = selector[4..^1];
            var equals = condition.IndexOf("==", StringComparison.Ordinal);
            if (equals < 0)
            {
                return array.Where(item => item.Str(condition) is not null || (item as JsonObject)?[condition] is not null);
            }

            var field = condition[..equals].Trim();
            var value = condition[(equals + 2)..].Trim().Trim('"', '\'');
            return array.Where(item => JsonHelpers.ScalarText((item as JsonObject)?[field]) == value);
        }

        return [];
    }
}
