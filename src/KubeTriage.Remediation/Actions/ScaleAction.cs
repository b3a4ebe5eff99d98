using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Sets a workload's replicas through the scale subresource, then waits until that many are available.</summary>
internal sealed class ScaleAction : IRemediationAction
{
    private readonly int _replicas;
    private readonly TimeProvider _clock;

    public ScaleAction(SuggestedAction action, TimeProvider clock)
    {
        TargetReader.RequireKind(action.Target, action.Type, "Deployment", "StatefulSet", "ReplicaSet");
        var text = action.Parameter(ActionParameters.Replicas);
        _replicas = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas)
            ? replicas
            : throw new ArgumentException($"scale needs parameter replicas as a non-negative integer, not '{text}'");
        Action = action;
        _clock = clock;
    }

    public SuggestedAction Action { get; }

    private ResourceType Resource => TargetTypes.Of(Action.Target.Kind);

    public async Task<MutationRequest> DescribeAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
        => (await ReadAsync(client, cancellationToken).ConfigureAwait(false)).Request;

    public async Task<ActionPlan> PlanAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var (request, scale, current) = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var after = await SendAsync(client, scale, dryRun: true, cancellationToken).ConfigureAwait(false);
        return new ActionPlan(Action, request, Summary(current), ObjectDiff.Between(Action.Target, scale, after));
    }

    public async Task<ActionExecution> ExecuteAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var (request, scale, current) = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        await SendAsync(client, scale, dryRun: false, cancellationToken).ConfigureAwait(false);
        return new ActionExecution
        {
            Action = Action,
            Request = request,
            Summary = Summary(current),
            ExecutedAt = _clock.GetUtcNow(),
            State = new Dictionary<string, string>
            {
                ["previousReplicas"] = current.ToString(CultureInfo.InvariantCulture),
                ["replicas"] = _replicas.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    public Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default)
        => Polling.UntilAsync(
            async ct => RolloutStatus.Check(Action.Target.Kind, await TargetReader.GetAsync(client, Action.Target, ct).ConfigureAwait(false)),
            options,
            cancellationToken);

    private string Summary(int current)
        => $"Scale {Action.Target.Kind} {Action.Target.Namespace}/{Action.Target.Name} from {current} to {_replicas} replicas";

    private async Task<(MutationRequest Request, JsonObject Scale, int Current)> ReadAsync(IKubernetesClient client, CancellationToken cancellationToken)
    {
        var workload = await TargetReader.GetAsync(client, Action.Target, cancellationToken).ConfigureAwait(false);
        var scale = await client.GetScaleAsync(Resource, Action.Target.Namespace, Action.Target.Name, cancellationToken).ConfigureAwait(false);
        var current = (int)(scale.Long("spec.replicas") ?? 0);
        if (current == _replicas)
        {
            throw new ActionRefusedException($"{Action.Target.Kind} {Action.Target.Namespace}/{Action.Target.Name} already has {current} replicas");
        }

        return (Mutations.For(Action, workload.Map("metadata.labels"), replicaDelta: _replicas - current), scale, current);
    }

    private Task<JsonObject> SendAsync(IKubernetesClient client, JsonObject scale, bool dryRun, CancellationToken cancellationToken)
    {
        var wanted = (JsonObject)scale.DeepClone();
        wanted["spec"] = new JsonObject { ["replicas"] = _replicas };

        // No resourceVersion: like kubectl scale without --current-replicas, the last writer wins.
        (wanted["metadata"] as JsonObject)?.Remove("resourceVersion");
        return client.ReplaceScaleAsync(
            Resource,
            Action.Target.Namespace,
            Action.Target.Name,
            wanted,
            new WriteOptions { DryRun = dryRun, FieldManager = TargetReader.FieldManager },
            cancellationToken);
    }
}
