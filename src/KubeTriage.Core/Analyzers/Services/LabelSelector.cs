namespace KubeTriage.Core.Analyzers.Services;

/// <summary>Matches labels against a Service selector (map) or a workload selector (matchLabels + matchExpressions).</summary>
public static class LabelSelector
{
    /// <summary>Returns whether every key=value of the selector is among the labels; an empty selector matches nothing.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
        => selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>Returns whether a metav1.LabelSelector has no requirement at all ({}), which selects everything.</summary>
    public static bool IsEmpty(JsonElement selector)
        => selector.ValueKind != JsonValueKind.Object || (selector.Map("matchLabels").Count == 0 && !selector.Objects("matchExpressions").Any());

    /// <summary>Returns whether a metav1.LabelSelector selects the labels, where an empty selector ({}) selects everything.</summary>
    public static bool MatchesOrEmpty(JsonElement selector, IReadOnlyDictionary<string, string> labels)
        => selector.ValueKind == JsonValueKind.Object && (IsEmpty(selector) || Matches(selector, labels));

    /// <summary>Returns whether a metav1.LabelSelector (matchLabels and matchExpressions) selects the labels.</summary>
    public static bool Matches(JsonElement selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector.ValueKind != JsonValueKind.Object)
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
            var values = expression.Strings("values").ToHashSet();
            var has = labels.TryGetValue(key, out var value);
            var ok = expression.Str("operator") switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
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
