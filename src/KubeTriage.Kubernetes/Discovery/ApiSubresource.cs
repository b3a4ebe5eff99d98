namespace KubeTriage.Kubernetes;

/// <summary>Describes a subresource such as "status", "scale" or "log" (its kind and group may differ from the parent).</summary>
public sealed record ApiSubresource(string Name, string Kind, string Group, string Version, IReadOnlyList<string> Verbs);
