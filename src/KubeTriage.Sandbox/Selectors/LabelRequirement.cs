using System.Globalization;

namespace KubeTriage.Sandbox.Selectors;

/// One term of a label selector: key, operator and values.
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "=" or "==" or "in" => has && Values.Contains(value!),
            "!=" or "notin" => !has || !Values.Contains(value!),
            "exists" => has,
            "!" => !has,
            "gt" => has && Compare(value!) > 0,
            "lt" => has && Compare(value!) < 0,
            _ => false,
        };
    }

    private int Compare(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
        && long.TryParse(Values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : 0;
}
