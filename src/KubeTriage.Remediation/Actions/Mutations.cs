using KubeTriage.Core.Diagnosis;
using KubeTriage.Remediation.Policy;

namespace KubeTriage.Remediation.Actions;

/// <summary>Builds the policy's view of an action, from the live object or from a snapshot alike.</summary>
internal static class Mutations
{
    public static MutationRequest For(SuggestedAction action, IReadOnlyDictionary<string, string>? labels, int? replicaDelta = null, int? matchedObjects = null)
    {
        var target = action.Target;
        var (verb, kind, name) = action.Type switch
        {
            ActionTypes.RestartPod => ("delete", "Pod", target.Name),
            ActionTypes.Scale => ("scale", target.Kind, target.Name),
            ActionTypes.DeleteFailedPods => ("delete", "Pod", (string?)null),
            _ => ("patch", target.Kind, target.Name),
        };
        return new MutationRequest
        {
            Verb = verb,
            Kind = kind,
            Namespace = action.Type == ActionTypes.DeleteFailedPods ? target.Name : target.Namespace,
            Name = name,
            Labels = labels ?? new Dictionary<string, string>(),
            MatchedObjects = matchedObjects,
            ReplicaDelta = replicaDelta,
            Action = action.Type,
        };
    }

    /// <summary>Returns the kubectl command that does the same, for people reading the suggestion.</summary>
    public static string KubectlEquivalent(SuggestedAction action)
    {
        var target = action.Target;
        var ns = string.IsNullOrEmpty(target.Namespace) ? "" : $" -n {target.Namespace}";
        return action.Type switch
        {
            ActionTypes.RestartPod => $"kubectl delete pod {target.Name}{ns}",
            ActionTypes.RolloutRestart => $"kubectl rollout restart {target.ToKubectlTarget()}{ns}",
            ActionTypes.Scale => $"kubectl scale {target.ToKubectlTarget()}{ns} --replicas={action.Parameter(ActionParameters.Replicas)}",
            ActionTypes.Rollback => $"kubectl rollout undo {target.ToKubectlTarget()}{ns}"
                + (action.Parameter(ActionParameters.Revision) is { } revision ? $" --to-revision={revision}" : ""),
            ActionTypes.DeleteFailedPods => $"kubectl delete pods --field-selector=status.phase=Failed -n {target.Name}",
            ActionTypes.RaiseMemoryLimit => $"kubectl set resources {target.ToKubectlTarget()}{ns} -c {action.Parameter(ActionParameters.Container)} --limits=memory={action.Parameter(ActionParameters.Memory) ?? "<limit>"}",
            ActionTypes.SuspendCronJob => $"kubectl patch cronjob {target.Name}{ns} -p '{{\"spec\":{{\"suspend\":true}}}}'",
            ActionTypes.ResumeCronJob => $"kubectl patch cronjob {target.Name}{ns} -p '{{\"spec\":{{\"suspend\":false}}}}'",
            _ => $"{action.Type} {target}",
        };
    }
}
