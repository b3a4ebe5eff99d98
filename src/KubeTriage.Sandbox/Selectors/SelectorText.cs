using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Selectors;

/// Prints a metav1.LabelSelector the way LabelSelectorAsSelector(...).String() does.
internal static class SelectorText
{
    public static string? Format(JsonObject? selector)
    {
        if (selector is null)
        {
            return null;
        }

        var terms = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.Obj("matchLabels") ?? [])
        {
            terms.Add((key, $"{key}={JsonHelpers.ScalarText(value)}"));
        }

        foreach (var expression in selector.Arr("matchExpressions") ?? [])
        {
            var key = expression.Str("key") ?? "";
            var values = (expression.Arr("values") ?? []).Select(JsonHelpers.ScalarText).Order(StringComparer.Ordinal);
            var text = expression.Str("operator") switch
            {
                "In" => $"{key} in ({string.Join(",", values)})",
                "NotIn" => $"{key} notin ({string.Join(",", values)})",
                "Exists" => key,
                "DoesNotExist" => $"!{key}",
                _ => key,
            };
            terms.Add((key, text));
        }

        return string.Join(",", terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Text));
    }

    /// <summary>A plain map selector (Service spec.selector, nodeSelector) as "k=v,k2=v2".</summary>
    public static string FormatMap(JsonObject? map) =>
        map is null || map.Count == 0
            ? "<none>"
            : string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={JsonHelpers.ScalarText(e.Value)}"));
}
