namespace KubeTriage.Sandbox;

/// <summary>A role in one namespace, or cluster-wide (all namespaces and cluster-scoped resources) when <paramref name="Namespace"/> is null.</summary>
public sealed record SandboxGrant(string? Namespace, SandboxRole Role);
