using System.Text.Json.Nodes;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analyzers.Services;

/// <summary>Matches labels against a Service selector (map) or a workload selector (matchLabels + matchExpressions).</summary>
public static class LabelSelector
{
    /// <summary>Returns whether every key=value of the selector is among the labels; an empty selector matches nothing.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
        => selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>Returns whether a metav1.LabelSelector selects the labels, where an empty selector ({}) selects everything.</summary>
    public static bool MatchesOrEmpty(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
        => selector is JsonObject obj && (obj.Count == 0 || (obj.Map("matchLabels").Count == 0 && !obj.Objects("matchExpressions").Any()) || Matches(selector, labels));

    /// <summary>Returns whether a metav1.LabelSelector (matchLabels and matchExpressions) selects the labels.</summary>
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject)
        {
            return false;
        }

        var matchLabels = selector.Map("matchLabels");
        if (!matchLabels.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value))
        {
            return false;
        }

        foreach (var expression in selector.Objects("matchExpressions"))
        {
            var key = expression.Str("key") ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).ToHashSet();
            var has = labels.TryGetValue(key, out var value);
            var ok = expression.Str("operator") switch
            {
                "In" => has && values.Contains(value),
                "NotIn" => !has || !values.Contains(value),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
