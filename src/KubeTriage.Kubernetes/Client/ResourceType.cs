namespace KubeTriage.Kubernetes;

/// <summary>Identifies a REST resource: group, version, plural name, kind and scope ("" group is the core API).</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>Gets the apiVersion string, "v1" or "apps/v1".</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Gets "plural.group" as kubectl prints it, e.g. "deployments.apps".</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Returns "plural.group" (or "plural" for core).</summary>
    public override string ToString() => QualifiedName;
}
