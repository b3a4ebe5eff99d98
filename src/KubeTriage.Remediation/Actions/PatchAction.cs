using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>An action that is one patch of its target: dry run and diff, patch, then wait for the rollout by default.</summary>
internal abstract class PatchAction(SuggestedAction action, TimeProvider clock) : IRemediationAction
{
    public SuggestedAction Action { get; } = action;

    protected TimeProvider Clock { get; } = clock;

    protected ResourceType Resource => TargetTypes.Of(Action.Target.Kind);

    public async Task<MutationRequest> DescribeAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var current = await TargetReader.GetAsync(client, Action.Target, cancellationToken).ConfigureAwait(false);
        return Mutations.For(Action, current.Map("metadata.labels"));
    }

    public async Task<ActionPlan> PlanAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var current = await TargetReader.GetAsync(client, Action.Target, cancellationToken).ConfigureAwait(false);
        var patch = await BuildAsync(client, current, cancellationToken).ConfigureAwait(false);
        var after = await SendAsync(client, patch, dryRun: true, cancellationToken).ConfigureAwait(false);
        return new ActionPlan(Action, Mutations.For(Action, current.Map("metadata.labels")), patch.Summary, ObjectDiff.Between(Action.Target, current, after));
    }

    public async Task<ActionExecution> ExecuteAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var current = await TargetReader.GetAsync(client, Action.Target, cancellationToken).ConfigureAwait(false);
        var patch = await BuildAsync(client, current, cancellationToken).ConfigureAwait(false);
        var after = await SendAsync(client, patch, dryRun: false, cancellationToken).ConfigureAwait(false);
        return new ActionExecution
        {
            Action = Action,
            Request = Mutations.For(Action, current.Map("metadata.labels")),
            Summary = patch.Summary,
            ExecutedAt = Clock.GetUtcNow(),
            State = new Dictionary<string, string>
            {
                ["generation"] = (after.Long("metadata.generation") ?? 0).ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>Waits until the workload reports its rollout finished, as <c>kubectl rollout status</c>.</summary>
    public virtual Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default)
        => Polling.UntilAsync(
            async ct => RolloutStatus.Check(Action.Target.Kind, await TargetReader.GetAsync(client, Action.Target, ct).ConfigureAwait(false)),
            options,
            cancellationToken);

    /// <summary>Computes the patch from the target as it is now; throws <see cref="ActionRefusedException"/> when it must not be sent.</summary>
    protected abstract Task<PatchSpec> BuildAsync(IKubernetesClient client, JsonObject current, CancellationToken cancellationToken);

    private Task<JsonObject> SendAsync(IKubernetesClient client, PatchSpec patch, bool dryRun, CancellationToken cancellationToken)
        => client.PatchAsync(
            Resource,
            Action.Target.Namespace,
            Action.Target.Name,
            patch.Type,
            patch.Body,
            new PatchOptions { DryRun = dryRun, FieldManager = TargetReader.FieldManager },
            cancellationToken);

    /// <summary>A patch body, its format, and the sentence describing it.</summary>
    protected sealed record PatchSpec(PatchType Type, string Body, string Summary);
}
