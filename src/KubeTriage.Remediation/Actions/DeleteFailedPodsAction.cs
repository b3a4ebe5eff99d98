using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Deletes the Failed pods (Evicted ones included) of a namespace one at a time; the target is the Namespace.</summary>
internal sealed class DeleteFailedPodsAction : IRemediationAction
{
    private const string FailedSelector = "status.phase=Failed";

    private readonly TimeProvider _clock;

    public DeleteFailedPodsAction(SuggestedAction action, TimeProvider clock)
    {
        if (action.Target.Kind != "Namespace" || string.IsNullOrEmpty(action.Target.Name))
        {
            throw new ArgumentException($"{action.Type} targets a Namespace by name, not {action.Target}");
        }

        Action = action;
        _clock = clock;
    }

    public SuggestedAction Action { get; }

    private string Namespace => Action.Target.Name;

    public async Task<MutationRequest> DescribeAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
        => Mutations.For(Action, null, matchedObjects: (await ListAsync(client, cancellationToken).ConfigureAwait(false)).Count);

    public async Task<ActionPlan> PlanAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var pods = await ListAsync(client, cancellationToken).ConfigureAwait(false);
        foreach (var pod in pods)
        {
            await client.DeleteAsync(ResourceTypes.Pods, Namespace, pod.Name(), new DeleteOptions { DryRun = true }, cancellationToken).ConfigureAwait(false);
        }

        var diff = ObjectDiff.Deletions(pods.Select(p => (new ObjectRef("Pod", Namespace, p.Name()), Detail(p))));

        // The plan pins the pods it showed: an approval of this plan can never delete pods that failed later.
        var pinned = Action with
        {
            Parameters = new Dictionary<string, string>(Action.Parameters) { [ActionParameters.Pods] = string.Join(',', pods.Select(p => p.Name())) },
        };
        return new ActionPlan(pinned, Mutations.For(pinned, null, matchedObjects: pods.Count), Summary(pods.Count), diff);
    }

    public async Task<ActionExecution> ExecuteAsync(IKubernetesClient client, CancellationToken cancellationToken = default)
    {
        var pods = await ListAsync(client, cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        foreach (var pod in pods)
        {
            try
            {
                await client.DeleteAsync(ResourceTypes.Pods, Namespace, pod.Name(), new DeleteOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException error) when (error.StatusCode == 404)
            {
                // Someone else deleted it meanwhile: the goal holds.
            }

            deleted.Add($"{pod.Name()}/{pod.Uid()}");
        }

        return new ActionExecution
        {
            Action = Action,
            Request = Mutations.For(Action, null, matchedObjects: pods.Count),
            Summary = Summary(pods.Count),
            ExecutedAt = _clock.GetUtcNow(),
            State = new Dictionary<string, string> { ["pods"] = string.Join(',', deleted) },
        };
    }

    /// <summary>Waits until none of the deleted pods exists any more (a new pod of the same name is another pod).</summary>
    public Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default)
    {
        var deleted = (execution.State.GetValueOrDefault("pods") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('/'))
            .Select(parts => (Name: parts[0], Uid: parts.Length > 1 ? parts[1] : ""))
            .ToList();
        return Polling.UntilAsync(
            async ct =>
            {
                var pods = await client.ListAsync(ResourceTypes.Pods, Namespace, cancellationToken: ct).ConfigureAwait(false);
                var present = pods.Items.Select(p => (p.Name(), p.Uid() ?? "")).ToHashSet();
                var remaining = deleted.Where(d => present.Contains((d.Name, d.Uid))).Select(d => d.Name).ToList();
                return remaining.Count == 0
                    ? Polling.Probe.Done($"the {deleted.Count} Failed pod(s) of namespace {Namespace} are gone")
                    : Polling.Probe.Wait($"{remaining.Count} of {deleted.Count} pod(s) still exist: {string.Join(", ", remaining.Take(5))}");
            },
            options,
            cancellationToken);
    }

    private static string Detail(JsonObject pod)
        => "phase Failed" + (pod.Str("status.reason") is { } reason ? $", reason {reason}" : "")
            + (pod.Str("status.message") is { } message ? $": {message}" : "");

    private string Summary(int count) => $"Delete the {count} Failed pod(s) of namespace {Namespace}";

    private async Task<List<JsonObject>> ListAsync(IKubernetesClient client, CancellationToken cancellationToken)
    {
        var list = await client.ListAsync(ResourceTypes.Pods, Namespace, new ListOptions { FieldSelector = FailedSelector }, cancellationToken).ConfigureAwait(false);
        var failed = list.Items.Where(p => p.Str("status.phase") == "Failed").ToList();
        if (Action.Parameter(ActionParameters.Pods) is { } pinned)
        {
            var names = pinned.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            failed = [.. failed.Where(p => names.Contains(p.Name() ?? ""))];
            return failed.Count > 0 ? failed : throw new ActionRefusedException($"none of the {names.Count} pod(s) planned in namespace {Namespace} is still Failed");
        }

        return failed.Count > 0 ? failed : throw new ActionRefusedException($"namespace {Namespace} has no Failed pods");
    }
}
