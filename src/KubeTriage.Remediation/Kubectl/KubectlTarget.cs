namespace KubeTriage.Remediation.Kubectl;

/// <summary>One resource argument resolved: the canonical kind and the name (null for every object the selector picks).</summary>
internal sealed record KubectlTarget(string Kind, string? Name);
