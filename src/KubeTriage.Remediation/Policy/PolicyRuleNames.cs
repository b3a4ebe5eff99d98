namespace KubeTriage.Remediation.Policy;

/// <summary>The names of the built-in guards as they appear in <see cref="PolicyDecision.Rule"/>.</summary>
internal static class PolicyRuleNames
{
    public const string ReadOnly = "builtin:read-only";
    public const string FailClosed = "builtin:fail-closed";
    public const string Connect = "builtin:connect";
    public const string ProtectedKind = "builtin:protected-kind";
    public const string ProtectedNamespace = "builtin:protected-namespace";
    public const string Bulk = "builtin:bulk";
    public const string ScaleBound = "builtin:scale-bound";
    public const string UnresolvedNamespace = "builtin:unresolved-namespace";
    public const string UnknownKind = "builtin:unknown-kind";
    public const string ClusterScoped = "builtin:cluster-scoped";
    public const string Secret = "builtin:secret";
    public const string ForceDelete = "builtin:force-delete";
    public const string Escalation = "builtin:escalation";
    public const string Default = "default";
}
