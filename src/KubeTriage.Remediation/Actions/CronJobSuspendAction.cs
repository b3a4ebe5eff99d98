using System.Text.Json.Nodes;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Suspends or resumes a CronJob by setting spec.suspend.</summary>
internal sealed class CronJobSuspendAction : PatchAction
{
    private readonly bool _suspend;

    public CronJobSuspendAction(SuggestedAction action, TimeProvider clock)
        : base(action, clock)
    {
        TargetReader.RequireKind(action.Target, action.Type, "CronJob");
        _suspend = action.Type == ActionTypes.SuspendCronJob;
    }

    public override Task<VerificationResult> VerifyAsync(IKubernetesClient client, ActionExecution execution, VerifyOptions? options = null, CancellationToken cancellationToken = default)
        => Polling.UntilAsync(
            async ct =>
            {
                var cronJob = await TargetReader.GetAsync(client, Action.Target, ct).ConfigureAwait(false);
                var suspended = cronJob.Bool("spec.suspend") == true;
                return suspended == _suspend
                    ? Polling.Probe.Done($"CronJob {Action.Target.Name} is {(_suspend ? "suspended" : "running on its schedule")}")
                    : Polling.Probe.Wait($"CronJob {Action.Target.Name} has spec.suspend {suspended.ToString().ToLowerInvariant()}");
            },
            options,
            cancellationToken);

    protected override Task<PatchSpec> BuildAsync(IKubernetesClient client, JsonObject current, CancellationToken cancellationToken)
    {
        if ((current.Bool("spec.suspend") == true) == _suspend)
        {
            throw new ActionRefusedException($"CronJob {Action.Target.Namespace}/{Action.Target.Name} is already {(_suspend ? "suspended" : "not suspended")}");
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["suspend"] = _suspend } };
        var verb = _suspend ? "Suspend" : "Resume";
        return Task.FromResult(new PatchSpec(PatchType.Merge, patch.ToJsonString(), $"{verb} CronJob {Action.Target.Namespace}/{Action.Target.Name}"));
    }
}
