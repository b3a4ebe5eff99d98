using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Restarts a workload's pods the way <c>kubectl rollout restart</c> does: a new restartedAt annotation on the pod template.</summary>
internal sealed class RolloutRestartAction : PatchAction
{
    public RolloutRestartAction(SuggestedAction action, TimeProvider clock)
        : base(action, clock)
        => TargetReader.RequireKind(action.Target, action.Type, "Deployment", "StatefulSet", "DaemonSet");

    protected override Task<PatchSpec> BuildAsync(IKubernetesClient client, JsonObject current, CancellationToken cancellationToken)
    {
        if (Action.Target.Kind == "Deployment" && current.Bool("spec.paused") == true)
        {
            throw new ActionRefusedException($"can't restart paused deployment {Action.Target.Name} (run rollout resume first)");
        }

        return Task.FromResult(new PatchSpec(PatchType.StrategicMerge, RolloutPatches.Restart(Clock.GetUtcNow()).ToJsonString(), $"Restart the pods of {Action.Target.Kind} {Action.Target.Namespace}/{Action.Target.Name} (rolling)"));
    }
}
