namespace KubeTriage.Remediation.Policy;

/// <summary>One rule of the policy file, validated and normalised: empty lists match anything.</summary>
internal sealed record PolicyRule(
    string Name,
    RiskTier Tier,
    IReadOnlySet<string> Verbs,
    IReadOnlySet<string> Kinds,
    IReadOnlyList<string> Namespaces,
    IReadOnlyDictionary<string, string> MatchLabels,
    IReadOnlySet<string> Actions,
    IReadOnlySet<string> Commands)
{
    public bool Matches(MutationRequest request)
    {
        return Contains(Verbs, request.Verb)
            && Contains(Kinds, KubernetesKinds.Canonicalize(request.Kind))
            && NamespaceMatches(request.Namespace)
            && Contains(Actions, request.Action)
            && (Commands.Count == 0 || (request.Command is not null && Commands.Contains(request.Command)))
            && MatchLabels.All(l => request.Labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }

    private static bool Contains(IReadOnlySet<string> set, string value) => set.Count == 0 || set.Contains(value);

    private bool NamespaceMatches(string? ns)
    {
        if (Namespaces.Count == 0)
        {
            return true;
        }

        // A rule that names namespaces never matches a request whose namespace is unknown.
        return ns is not null && Namespaces.Any(p => p.EndsWith('*')
            ? ns.StartsWith(p[..^1], StringComparison.Ordinal)
            : string.Equals(p, ns, StringComparison.Ordinal));
    }
}
