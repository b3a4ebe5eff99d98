using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;

namespace KubeTriage.Sandbox.Selectors;

/// Parses and evaluates field selectors like fields.ParseSelector plus the per-resource field label check.
internal sealed class FieldSelector
{
    private readonly List<(FieldRequirement Requirement, Func<JsonObject, string?> Read)> _terms;

    private FieldSelector(List<(FieldRequirement, Func<JsonObject, string?>)> terms)
    {
        _terms = terms;
    }

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>Parses a selector for a resource; unknown fields give the recorded 400 "field label not supported".</summary>
    public static FieldSelector Parse(string? text, string resource)
    {
        var terms = new List<(FieldRequirement, Func<JsonObject, string?>)>();
        if (string.IsNullOrEmpty(text))
        {
            return Everything;
        }

        foreach (var part in SplitTerms(text))
        {
            var requirement = ParseTerm(part) ?? throw Statuses.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            var reader = FieldLabels.Reader(resource, requirement.Field)
                ?? throw Statuses.BadRequest($"field label not supported: {requirement.Field}");
            terms.Add((requirement, reader));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) =>
        _terms.All(t => (t.Read(obj) == t.Requirement.Value) == t.Requirement.Equal);

    /// <summary>The value required for a field by an equality term, e.g. metadata.name for single-object watches.</summary>
    public string? RequiredValue(string field) =>
        _terms.FirstOrDefault(t => t.Requirement.Field == field && t.Requirement.Equal).Requirement?.Value;

    private static FieldRequirement? ParseTerm(string term)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var index = IndexOfUnescaped(term, op);
            if (index > 0)
            {
                return new FieldRequirement(term[..index].Trim(), equal, Unescape(term[(index + op.Length)..]));
            }
        }

        return null;
    }

    private static int IndexOfUnescaped(string text, string op)
    {
        for (var i = 0; i + op.Length <= text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static string Unescape(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            result.Append(value[i]);
        }

        return result.ToString();
    }
}
