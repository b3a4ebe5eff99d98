using System.Text.RegularExpressions;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Reads kubectl resource arguments as its resource builder does: <c>TYPE[,TYPE] [NAME...]</c> or <c>TYPE/NAME...</c>.</summary>
internal static partial class KubectlResourceArguments
{
    public static List<KubectlTarget> Parse(IReadOnlyList<string> words)
    {
        var targets = new List<KubectlTarget>();
        if (words.Count == 0)
        {
            return targets;
        }

        if (words.Any(w => w.Contains('/', StringComparison.Ordinal)))
        {
            foreach (var word in words)
            {
                var parts = word.Split('/');
                if (parts.Length != 2)
                {
                    throw new KubectlRefusedException($"'{word}' is not TYPE/NAME (kubectl does not mix TYPE/NAME with other forms)");
                }

                targets.Add(new KubectlTarget(Kind(parts[0]), Name(parts[1])));
            }

            return targets;
        }

        var kinds = words[0].Split(',').Select(Kind).ToList();
        if (words.Count == 1)
        {
            return [.. kinds.Select(k => new KubectlTarget(k, null))];
        }

        // "kubectl delete pod,service a b" means each type with each name.
        foreach (var kind in kinds)
        {
            targets.AddRange(words.Skip(1).Select(n => new KubectlTarget(kind, Name(n))));
        }

        return targets;
    }

    public static string Name(string name)
        => name.Length <= 253 && NamePattern().IsMatch(name)
            ? name
            : throw new KubectlRefusedException($"'{name}' is not a valid object name");

    private static string Kind(string type)
        => TypePattern().IsMatch(type)
            ? KubernetesKinds.Canonicalize(type)
            : throw new KubectlRefusedException($"'{type}' is not a resource type");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z0-9-]+)*$")]
    private static partial Regex TypePattern();
}
