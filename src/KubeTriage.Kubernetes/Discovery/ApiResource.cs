namespace KubeTriage.Kubernetes;

/// <summary>Describes one discovered resource: its type plus verbs, names and subresources.</summary>
public sealed record ApiResource
{
    /// <summary>Gets the type used by every client call.</summary>
    public required ResourceType Type { get; init; }

    /// <summary>Gets the singular name; for built-ins (which report "") the lower-cased kind, as kubectl does.</summary>
    public required string SingularName { get; init; }

    /// <summary>Gets the supported verbs.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = [];

    /// <summary>Gets the short names, e.g. "po" or "deploy".</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Gets the categories, e.g. "all".</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets the subresources.</summary>
    public IReadOnlyList<ApiSubresource> Subresources { get; init; } = [];

    /// <summary>Returns whether the resource supports a verb such as "list" or "watch".</summary>
    public bool Supports(string verb) => Verbs.Contains(verb, StringComparer.Ordinal);

    /// <summary>Returns the named subresource, or null.</summary>
    public ApiSubresource? FindSubresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);
}
