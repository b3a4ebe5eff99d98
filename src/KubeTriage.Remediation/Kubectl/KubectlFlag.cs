namespace KubeTriage.Remediation.Kubectl;

/// <summary>One flag kubectl knows: its long name, shorthand, arity, the value a bare optional flag takes, and why it is refused (if it is).</summary>
internal sealed record KubectlFlag(string Name, char? Shorthand, KubectlFlagArity Arity, string? BareValue, string? Refusal);
