namespace KubeTriage.Remediation.Policy;

/// <summary>The policy's answer for one mutation: its tier, why, and which rule decided.</summary>
/// <param name="Tier">Safe, confirm or forbidden.</param>
/// <param name="Reason">A sentence a person can read in an approval prompt or a refusal.</param>
/// <param name="Rule">The rule or built-in guard that decided (<c>builtin:protected-namespace</c>, a rule name, <c>default</c>).</param>
public sealed record PolicyDecision(RiskTier Tier, string Reason, string Rule);
