using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Deletes a pod that has a controller, which then creates a replacement; a bare pod is refused (nothing would bring it back).</summary>
internal sealed class RestartPodAction : IRemediationAction
{
    private readonly TimeProvider _clock;

    public RestartPodAction(SuggestedAction action, TimeProvider clock)
    {
        TargetReader.RequireKind(action.Target, action.Type, "Pod");
        Action = action;
        _clock = clock;
    }

    public SuggestedAction Action { get; }

    public async Task<MutationRequest> DescribeAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var pod = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        return Mutations.For(Action, pod.Map("metadata.labels"));
    }

    public async Task<ActionPlan> PlanAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var pod = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        await client.DeleteAsync(ResourceTypes.Pods, Action.Target.Namespace, Action.Target.Name, new DeleteOptions { DryRun = true }, cancellationToken).ConfigureAwait(false);
        var owner = pod.ControllerRef()!;
        var diff = ObjectDiff.Deletions([(Action.Target, $"phase {pod.Str("status.phase") ?? "Unknown"}, controlled by {owner.Str("kind")} {owner.Str("name")}")]);
        return new ActionPlan(Action, Mutations.For(Action, pod.Map("metadata.labels")), Summary(owner), diff);
    }

    public async Task<ActionExecution> ExecuteAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var pod = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var owner = pod.ControllerRef()!;
        var ownerUid = owner.Str("uid") ?? "";
        var siblings = await client.ListAsync(ResourceTypes.Pods, Action.Target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        var existing = siblings.Items.Where(p => p.ControllerRef()?.Str("uid") == ownerUid).Select(p => p.Uid()).OfType<string>();
        await client.DeleteAsync(ResourceTypes.Pods, Action.Target.Namespace, Action.Target.Name, new DeleteOptions(), cancellationToken).ConfigureAwait(false);
        return new ActionExecution
        {
            Action = Action,
            Request = Mutations.For(Action, pod.Map("metadata.labels")),
            Summary = Summary(owner),
            ExecutedAt = _clock.GetUtcNow(),
            State = new Dictionary<string, string>
            {
                ["uid"] = pod.Uid() ?? "",
                ["ownerKind"] = owner.Str("kind") ?? "",
                ["ownerName"] = owner.Str("name") ?? "",
                ["ownerUid"] = ownerUid,
                ["existingPods"] = string.Join(',', existing),
            },
        };
    }

    /// <summary>Waits for a pod of the same controller that did not exist before the delete to be Ready.</summary>
    public Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ownerUid = execution.State.GetValueOrDefault("ownerUid") ?? "";
        var owner = $"{execution.State.GetValueOrDefault("ownerKind")} {execution.State.GetValueOrDefault("ownerName")}";
        var before = (execution.State.GetValueOrDefault("existingPods") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        before.Add(execution.State.GetValueOrDefault("uid") ?? "");
        return Polling.UntilAsync(
            async ct =>
            {
                var pods = await client.ListAsync(ResourceTypes.Pods, Action.Target.Namespace, cancellationToken: ct).ConfigureAwait(false);
                var replacements = pods.Items
                    .Where(p => p.ControllerRef()?.Str("uid") == ownerUid && !before.Contains(p.Uid() ?? "") && p.At("metadata.deletionTimestamp") is null)
                    .ToList();
                var ready = replacements.FirstOrDefault(p => p.IsReady());
                if (ready is not null)
                {
                    return Polling.Probe.Done($"{owner} replaced pod {Action.Target.Name} with {ready.Name()}, which is Ready");
                }

                return Polling.Probe.Wait(replacements.Count == 0
                    ? $"{owner} has not created a replacement for pod {Action.Target.Name} yet"
                    : $"replacement pod {replacements[0].Name()} is not Ready yet (phase {replacements[0].Str("status.phase") ?? "Unknown"})");
            },
            options,
            cancellationToken);
    }

    private string Summary(JsonObject owner)
        => $"Delete pod {Action.Target.Namespace}/{Action.Target.Name} so {owner.Str("kind")} {owner.Str("name")} replaces it";

    private async Task<JsonObject> ReadAsync(IKubernetesClient client, CancellationToken cancellationToken)
    {
        var pod = await TargetReader.GetAsync(client, Action.Target, cancellationToken).ConfigureAwait(false);
        if (pod.ControllerRef() is null)
        {
            var bare = pod.Objects("metadata.ownerReferences").Any() ? "has no controller among its ownerReferences" : "has no ownerReferences";
            throw new ActionRefusedException($"pod {Action.Target.Namespace}/{Action.Target.Name} {bare}: nothing would recreate it after a delete");
        }

        if (pod.At("metadata.deletionTimestamp") is not null)
        {
            throw new ActionRefusedException($"pod {Action.Target.Namespace}/{Action.Target.Name} is already terminating");
        }

        return pod;
    }
}
