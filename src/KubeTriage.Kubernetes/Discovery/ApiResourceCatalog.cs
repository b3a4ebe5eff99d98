namespace KubeTriage.Kubernetes;

/// <summary>Holds discovered resources in server priority order (core first) with kubectl-style lookups.</summary>
public sealed class ApiResourceCatalog
{
    /// <summary>Creates a catalog; earlier resources win lookups that match several.</summary>
    public ApiResourceCatalog(IReadOnlyList<ApiResource> resources, IReadOnlyList<string>? warnings = null)
    {
        Resources = resources;
        Warnings = warnings ?? [];
    }

    /// <summary>Gets every resource, core group first, then groups in /apis order.</summary>
    public IReadOnlyList<ApiResource> Resources { get; }

    /// <summary>Gets one message per API group that could not be discovered (e.g. an unavailable aggregated API).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Finds a resource by kind (case-insensitive), optionally within one group.</summary>
    public ApiResource? FindByKind(string kind, string? group = null) =>
        Resources.FirstOrDefault(r => InGroup(r, group) && string.Equals(r.Type.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a resource by plural name, optionally within one group.</summary>
    public ApiResource? FindByPlural(string plural, string? group = null) =>
        Resources.FirstOrDefault(r => InGroup(r, group) && string.Equals(r.Type.Plural, plural, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a resource by short name, e.g. "po" or "wg".</summary>
    public ApiResource? FindByShortName(string shortName, string? group = null) =>
        Resources.FirstOrDefault(r => InGroup(r, group) && r.ShortNames.Contains(shortName, StringComparer.OrdinalIgnoreCase));

    /// <summary>Resolves what a user types after "kubectl get": plural, singular, short name or kind, optionally ".group".</summary>
    public ApiResource? Resolve(string name)
    {
        var match = Match(name, null);
        if (match is not null)
        {
            return match;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? Match(name[..dot], name[(dot + 1)..]) : null;
    }

    private ApiResource? Match(string name, string? group) =>
        FindByPlural(name, group)
        ?? Resources.FirstOrDefault(r => InGroup(r, group) && string.Equals(r.SingularName, name, StringComparison.OrdinalIgnoreCase))
        ?? FindByShortName(name, group)
        ?? FindByKind(name, group);

    private static bool InGroup(ApiResource resource, string? group) =>
        group is null || string.Equals(resource.Type.Group, group, StringComparison.OrdinalIgnoreCase);
}
