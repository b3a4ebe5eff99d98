using System.Text.RegularExpressions;
using KubeTriage.Core.Model;

namespace KubeTriage.Remediation.Actions;

/// <summary>Checks a target's namespace and name are names the API server could hold, before any of them reaches a URL.</summary>
/// <remarks>A namespace of <c>..</c> would otherwise collapse the request path and list every namespace.</remarks>
internal static partial class TargetNames
{
    public static void Validate(ObjectRef target)
    {
        if (target.Namespace is { } ns && !Label().IsMatch(ns))
        {
            throw new ArgumentException($"'{ns}' is not a namespace name (lower-case letters, digits and '-', at most 63)", nameof(target));
        }

        if (!Subdomain().IsMatch(target.Name) || target.Name.Length > 253 || target.Name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{target.Name}' is not an object name (lower-case letters, digits, '-' and '.', at most 253)", nameof(target));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex Subdomain();
}
