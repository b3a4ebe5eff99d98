using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>
/// Rolls a Deployment back as <c>kubectl rollout undo</c> does: the pod template of the previous revision's ReplicaSet
/// (minus pod-template-hash) and that ReplicaSet's annotations go back into the Deployment in one JSON patch.
/// </summary>
internal sealed class RollbackAction : PatchAction
{
    // Deployment annotations kubectl keeps rather than copying them from the ReplicaSet.
    private static readonly HashSet<string> s_annotationsToSkip =
    [
        "kubectl.kubernetes.io/last-applied-configuration", DeploymentHistory.RevisionAnnotation, "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ];

    private readonly long? _toRevision;

    public RollbackAction(SuggestedAction action, TimeProvider clock)
        : base(action, clock)
    {
        TargetReader.RequireKind(action.Target, action.Type, "Deployment");
        if (action.Parameter(ActionParameters.Revision) is { } text)
        {
            _toRevision = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) && revision > 0
                ? revision
                : throw new ArgumentException($"rollback revision must be a positive integer, not '{text}'");
        }
    }

    protected override async Task<PatchSpec> BuildAsync(IKubernetesClient client, JsonObject current, CancellationToken cancellationToken)
    {
        var name = Action.Target.Name;
        if (current.Bool("spec.paused") == true)
        {
            throw new ActionRefusedException($"you cannot rollback a paused deployment; resume deployment {name} first");
        }

        var replicaSets = await client.ListAsync(ResourceTypes.ReplicaSets, Action.Target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        var history = DeploymentHistory.Revisions(current.Uid() ?? "", replicaSets.Items);
        var (revision, target) = Pick(history);
        var template = current.At("spec.template") as JsonObject ?? new JsonObject();
        var restored = target.At("spec.template") as JsonObject ?? new JsonObject();
        if (DeploymentHistory.SameTemplate(restored, template))
        {
            throw new ActionRefusedException($"deployment {name} already runs the pod template of revision {revision}");
        }

        var annotations = new JsonObject();
        foreach (var (key, value) in current.Map("metadata.annotations").Where(a => s_annotationsToSkip.Contains(a.Key)))
        {
            annotations[key] = value;
        }

        foreach (var (key, value) in target.Map("metadata.annotations").Where(a => !s_annotationsToSkip.Contains(a.Key)))
        {
            annotations[key] = value;
        }

        var patch = new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = DeploymentHistory.WithoutHash(restored) },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotations });
        return new PatchSpec(PatchType.Json, patch.ToJsonString(), $"Roll Deployment {Action.Target.Namespace}/{name} back to revision {revision} (ReplicaSet {target.Name()})");
    }

    private (long Revision, JsonObject ReplicaSet) Pick(List<(long Revision, JsonObject ReplicaSet)> history)
    {
        var name = Action.Target.Name;
        if (_toRevision is { } wanted)
        {
            return history.FirstOrDefault(h => h.Revision == wanted) is { ReplicaSet: not null } found
                ? found
                : throw new ActionRefusedException($"unable to find the specified revision {wanted} of deployment {name}");
        }

        // The newest revision is the one running (or rolling out); the one before it is what undo restores.
        return history.Count >= 2
            ? history[1]
            : throw new ActionRefusedException($"no rollout history found for deployment {name}: there is no previous revision to roll back to");
    }
}
