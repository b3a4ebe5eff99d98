namespace KubeTriage.Remediation.Policy;

/// <summary>How a mutation may run: by itself, after a person's approval, or never.</summary>
public enum RiskTier
{
    /// <summary>Runs without asking (after its dry run).</summary>
    Safe,

    /// <summary>Runs only after a person approves it.</summary>
    Confirm,

    /// <summary>Refused, with the reason.</summary>
    Forbidden,
}
