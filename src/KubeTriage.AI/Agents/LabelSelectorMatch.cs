using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Matches the equality form of a label selector ("a=b,c!=d,e") against an object's labels.</summary>
internal static class LabelSelectorMatch
{
    public static bool Matches(KubeObject obj, string selector)
    {
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            if (notEqual > 0)
            {
                if (obj.Labels.TryGetValue(term[..notEqual].Trim(), out var actual) && actual == term[(notEqual + 2)..].Trim())
                {
                    return false;
                }

                continue;
            }

            var equal = term.IndexOf('=', StringComparison.Ordinal);
            if (equal < 0)
            {
                if (!obj.Labels.ContainsKey(term))
                {
                    return false;
                }

                continue;
            }

            var value = term[(equal + 1)..].TrimStart('=').Trim();
            if (!obj.Labels.TryGetValue(term[..equal].Trim(), out var label) || label != value)
            {
                return false;
            }
        }

        return true;
    }
}
