using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Performs one typed change through the Kubernetes API, in steps the caller runs one after the other.</summary>
/// <remarks>
/// The steps are: <see cref="DescribeAsync"/> (reads only; the request the policy judges), <see cref="PlanAsync"/>
/// (a server-side dry run and its diff), <see cref="ExecuteAsync"/> (the same write for real) and
/// <see cref="VerifyAsync"/> (polls until the cluster shows the intended effect or a deadline passes).
/// Each step reads the cluster afresh, so an action rebuilt from its <see cref="Action"/> after a restart behaves alike.
/// A step that must not go ahead throws <see cref="ActionRefusedException"/> with the reason.
/// Implementations are immutable and thread-safe.
/// </remarks>
public interface IRemediationAction
{
    /// <summary>Gets the JSON-serializable description the action was built from.</summary>
    SuggestedAction Action { get; }

    /// <summary>Reads the target and returns the mutation the policy must judge.</summary>
    Task<MutationRequest> DescribeAsync(IKubernetesClient client, CancellationToken cancellationToken = default);

    /// <summary>Sends the write with <c>dryRun=All</c> and returns the mutation and the diff of the object before and after.</summary>
    Task<ActionPlan> PlanAsync(IKubernetesClient client, CancellationToken cancellationToken = default);

    /// <summary>Sends the write for real.</summary>
    Task<ActionExecution> ExecuteAsync(IKubernetesClient client, CancellationToken cancellationToken = default);

    /// <summary>Polls the cluster until the executed change took effect, failed, or the deadline passed.</summary>
    Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default);
}
