namespace KubeTriage.Remediation.Policy;

/// <summary>Judges mutations against a loaded autonomy policy, the read-only default, or a fail-closed policy.</summary>
/// <remarks>
/// Immutable and thread-safe. Order of evaluation: the forbidding built-in guards, then the first matching rule
/// (or the default tier), then the workflow override (only ever stricter), then the guards that require a
/// confirmation, then escalation when many pods fail. Create instances with <see cref="PolicyLoader"/>.
/// </remarks>
public sealed class RemediationPolicy : IRemediationPolicy
{
    /// <summary>The reason every mutation is refused when no policy file is configured.</summary>
    public const string ReadOnlyReason = "no autonomy policy configured; KubeTriage is read-only";

    /// <summary>The default limit of objects a selector request may touch.</summary>
    public const int DefaultMaxBulkObjects = 5;

    /// <summary>Above this many failing pods in the namespace a safe decision becomes confirm.</summary>
    public const int EscalationThreshold = 5;

    private readonly PolicyDecision? _refuseAll;
    private readonly IReadOnlyList<PolicyRule> _rules;
    private readonly IReadOnlyDictionary<string, WorkflowOverride> _workflows;
    private readonly RiskTier _defaultTier;
    private readonly IReadOnlySet<string> _protectedNamespaces;
    private readonly int _maxBulkObjects;

    internal RemediationPolicy(
        string source,
        IReadOnlyList<PolicyRule> rules,
        RiskTier defaultTier,
        IEnumerable<string> protectedNamespaces,
        int maxBulkObjects,
        IReadOnlyDictionary<string, WorkflowOverride> workflows)
    {
        Source = source;
        _rules = rules;
        _defaultTier = defaultTier;
        _protectedNamespaces = new HashSet<string>(BuiltInGuards.SystemNamespaces.Concat(protectedNamespaces), StringComparer.Ordinal);
        _maxBulkObjects = maxBulkObjects;
        _workflows = workflows;
    }

    private RemediationPolicy(string source, PolicyDecision refuseAll)
        : this(source, [], RiskTier.Forbidden, [], 0, new Dictionary<string, WorkflowOverride>())
    {
        _refuseAll = refuseAll;
    }

    /// <summary>Gets the policy used when no file is configured: every mutation is forbidden.</summary>
    public static RemediationPolicy ReadOnly { get; } = new("(none)", new PolicyDecision(RiskTier.Forbidden, ReadOnlyReason, PolicyRuleNames.ReadOnly));

    /// <summary>Gets where the policy came from (a file path, or <c>(none)</c>).</summary>
    public string Source { get; }

    /// <summary>Gets whether this policy forbids every mutation (read-only default or fail-closed).</summary>
    public bool ForbidsEverything => _refuseAll is not null;

    /// <summary>Gets the reason of a policy that forbids everything; null for a working policy.</summary>
    public string? RefusalReason => _refuseAll?.Reason;

    /// <summary>Creates a policy that forbids everything because the file at <paramref name="source"/> is unusable.</summary>
    public static RemediationPolicy FailClosed(string source, string error)
        => new(source, new PolicyDecision(RiskTier.Forbidden, $"autonomy policy {source} is unusable ({error}); every mutation is refused", PolicyRuleNames.FailClosed));

    /// <inheritdoc />
    public PolicyDecision Evaluate(MutationRequest request, int failingPodsInNamespace = 0)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_refuseAll is not null)
        {
            return _refuseAll;
        }

        var forbidden = BuiltInGuards.Forbid(request, _protectedNamespaces, _maxBulkObjects);
        if (forbidden is not null)
        {
            return forbidden;
        }

        var decision = Decide(_rules, _defaultTier, request, prefix: "")!;
        if (request.Workflow is not null && _workflows.TryGetValue(request.Workflow, out var workflow))
        {
            decision = Stricter(decision, Decide(workflow.Rules, workflow.DefaultTier, request, $"workflow:{request.Workflow}/"));
        }

        decision = Stricter(decision, BuiltInGuards.RequireConfirm(request));
        if (decision.Tier == RiskTier.Safe && failingPodsInNamespace > EscalationThreshold)
        {
            decision = new PolicyDecision(
                RiskTier.Confirm,
                $"{failingPodsInNamespace} pods are failing in the namespace; a person confirms changes during an incident this large",
                PolicyRuleNames.Escalation);
        }

        return decision;
    }

    private static PolicyDecision? Decide(IReadOnlyList<PolicyRule> rules, RiskTier? defaultTier, MutationRequest request, string prefix)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(request))
            {
                return new PolicyDecision(rule.Tier, $"rule {prefix}{rule.Name} says {Describe(rule.Tier)}", prefix + rule.Name);
            }
        }

        return defaultTier is { } tier
            ? new PolicyDecision(tier, $"no rule matches; the {prefix}default tier is {Describe(tier)}", prefix + PolicyRuleNames.Default)
            : null;
    }

    private static PolicyDecision Stricter(PolicyDecision current, PolicyDecision? other)
        => other is not null && other.Tier > current.Tier ? other : current;

    private static string Describe(RiskTier tier) => tier switch
    {
        RiskTier.Safe => "safe",
        RiskTier.Confirm => "confirm",
        _ => "forbidden",
    };
}
