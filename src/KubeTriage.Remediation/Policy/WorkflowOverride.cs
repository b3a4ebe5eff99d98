namespace KubeTriage.Remediation.Policy;

/// <summary>The rules of one workflow; they can only make the base decision stricter.</summary>
internal sealed record WorkflowOverride(IReadOnlyList<PolicyRule> Rules, RiskTier? DefaultTier);
