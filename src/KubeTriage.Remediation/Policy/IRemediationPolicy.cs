namespace KubeTriage.Remediation.Policy;

/// <summary>Judges mutations against the autonomy policy in force.</summary>
/// <remarks>Implementations are immutable and thread-safe. A policy that could not be read forbids everything.</remarks>
public interface IRemediationPolicy
{
    /// <summary>Decides the tier of one mutation.</summary>
    /// <param name="request">The change asked for.</param>
    /// <param name="failingPodsInNamespace">How many pods fail in the target namespace now (escalation turns safe into confirm above 5).</param>
    PolicyDecision Evaluate(MutationRequest request, int failingPodsInNamespace = 0);
}
