namespace KubeTriage.Kubernetes;

/// <summary>Builds API paths relative to the server base address (so a path prefix in the server URL is kept).</summary>
internal static class ResourcePaths
{
    public static string Collection(ResourceType type, string? ns)
    {
        var prefix = type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";
        var scope = type.Namespaced && !string.IsNullOrEmpty(ns) ? $"/namespaces/{Escape(ns)}" : string.Empty;
        return $"{prefix}{scope}/{type.Plural}";
    }

    public static string Item(ResourceType type, string? ns, string name, string? subresource = null)
    {
        if (type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"a namespace is required for {type.QualifiedName}", nameof(ns));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"a name is required for {type.QualifiedName}", nameof(name));
        }

        var path = $"{Collection(type, ns)}/{Escape(name)}";
        return string.IsNullOrEmpty(subresource) ? path : $"{path}/{subresource}";
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
