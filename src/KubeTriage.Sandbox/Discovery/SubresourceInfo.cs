namespace KubeTriage.Sandbox.Discovery;

/// A subresource as listed in discovery (pods/log, deployments/scale...).
internal sealed record SubresourceInfo(string Name, string Kind, IReadOnlyList<string> Verbs, string? Group = null, string? Version = null);
