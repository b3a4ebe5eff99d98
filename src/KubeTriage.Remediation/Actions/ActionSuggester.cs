using System.Globalization;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Policy;
using Fix = KubeTriage.Core.Diagnosis.Remediation;

namespace KubeTriage.Remediation.Actions;

/// <summary>Suggests the typed actions that fit a root cause, as remediations a person (or the policy) can approve.</summary>
/// <remarks>
/// Suggestions come from the root cause's category and the objects in the <see cref="ClusterState"/>: OOMKilled raises the
/// memory limit of the owning workload; a crash-loop a new Deployment revision introduced (while the previous ReplicaSet was
/// healthy) rolls back; AppCrash, LivenessProbeFailure and DependencyUnavailable restart the workload once the cause is fixed;
/// Evicted pods are deleted; a suspended CronJob is resumed and one whose Jobs keep failing is suspended; a single-replica
/// workload a PodDisruptionBudget pins is scaled to two. Thread-safe.
/// </remarks>
public sealed class ActionSuggester
{
    private static readonly HashSet<string> s_rollbackCategories =
    [
        Categories.AppCrash, Categories.LivenessProbeFailure, Categories.ReadinessProbeFailure, Categories.InvalidCommand,
        Categories.ImagePullFailure, Categories.InitContainerFailure, Categories.MissingConfigMap, Categories.MissingSecret,
        Categories.RolloutStuck, Categories.OOMKilled,
    ];

    private static readonly HashSet<string> s_restartCategories = [Categories.AppCrash, Categories.LivenessProbeFailure, Categories.DependencyUnavailable];

    private readonly Func<MutationRequest, RiskTier>? _risk;

    /// <summary>Creates a suggester.</summary>
    /// <param name="risk">Gives the tier of a suggested mutation (the loaded policy); null marks every suggestion <c>confirm</c>.</param>
    public ActionSuggester(Func<MutationRequest, RiskTier>? risk = null) => _risk = risk;

    /// <summary>Returns the actions that fit the root cause, without risk.</summary>
    public IReadOnlyList<SuggestedAction> SuggestActions(RootCause cause, ClusterState cluster)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(cluster);
        var actions = new List<SuggestedAction>();
        var resource = cluster.Find(cause.Resource);
        if (cause.Category == Categories.OOMKilled && resource is not null)
        {
            actions.AddRange(SuggestionRules.RaiseMemory(cluster, resource));
        }

        if (s_rollbackCategories.Contains(cause.Category) && resource is { Kind: "Deployment" } && SuggestionRules.NewRevisionRegressed(cluster, resource))
        {
            actions.Add(Action(ActionTypes.Rollback, resource.Ref));
        }

        if (s_restartCategories.Contains(cause.Category) && resource is not null)
        {
            if (resource.Kind is "Deployment" or "StatefulSet" or "DaemonSet")
            {
                actions.Add(Action(ActionTypes.RolloutRestart, resource.Ref));
            }
            else if (resource.Kind == "Pod" && resource.Controller is not null)
            {
                actions.Add(Action(ActionTypes.RestartPod, resource.Ref));
            }
        }

        if (cause.Category == Categories.NodePressure)
        {
            actions.AddRange(SuggestionRules.FailedPodNamespaces(cluster, cause).Select(ns => Action(ActionTypes.DeleteFailedPods, new ObjectRef("Namespace", null, ns))));
        }

        if (resource is { Kind: "CronJob" })
        {
            if (cause.Category == Categories.CronJobNotScheduling && resource.Raw.Bool("spec.suspend") == true)
            {
                actions.Add(Action(ActionTypes.ResumeCronJob, resource.Ref));
            }
            else if (cause.Category == Categories.JobFailed && resource.Raw.Bool("spec.suspend") != true)
            {
                actions.Add(Action(ActionTypes.SuspendCronJob, resource.Ref));
            }
        }

        if (cause.Category == Categories.PDBBlocking && resource is { Kind: "PodDisruptionBudget" })
        {
            actions.AddRange(SuggestionRules.SingleReplicaWorkloads(cluster, resource)
                .Select(w => Action(ActionTypes.Scale, w.Ref, (ActionParameters.Replicas, "2"))));
        }

        return actions;
    }

    /// <summary>Returns the suggested actions as remediations: description, the kubectl equivalent, risk and the typed action.</summary>
    public IReadOnlyList<Fix> Suggest(RootCause cause, ClusterState cluster)
        => [.. SuggestActions(cause, cluster).Select(a => ToRemediation(a, cluster))];

    /// <summary>Returns the root cause with the suggestions attached: a remediation with the same command gains the action, others are added.</summary>
    public RootCause Attach(RootCause cause, ClusterState cluster)
    {
        var remediations = cause.Remediation.ToList();
        foreach (var suggestion in Suggest(cause, cluster))
        {
            var same = remediations.FindIndex(r => r.Action is null && r.Command == suggestion.Command);
            if (same >= 0)
            {
                remediations[same] = remediations[same] with { Action = suggestion.Action, Risk = _risk is null ? remediations[same].Risk : suggestion.Risk };
            }
            else if (!remediations.Any(r => r.Action is not null && r.Action.ToString() == suggestion.Action!.ToString()))
            {
                remediations.Add(suggestion);
            }
        }

        return cause with { Remediation = remediations };
    }

    /// <summary>Returns the report with suggestions attached to every root cause.</summary>
    public DiagnosisReport Attach(DiagnosisReport report, ClusterState cluster)
        => report with { RootCauses = [.. report.RootCauses.Select(c => Attach(c, cluster))] };

    private Fix ToRemediation(SuggestedAction action, ClusterState cluster)
    {
        var risk = _risk is null ? Fix.Confirm : _risk(OfflineRequest(action, cluster)) switch
        {
            RiskTier.Safe => Fix.Safe,
            RiskTier.Forbidden => Fix.Forbidden,
            _ => Fix.Confirm,
        };
        return new Fix(SuggestionRules.Describe(action), Mutations.KubectlEquivalent(action), risk) { Action = action };
    }

    // The same request the live action describes, from the snapshot: labels, replica delta, matched pods.
    private static MutationRequest OfflineRequest(SuggestedAction action, ClusterState cluster)
    {
        var target = action.Type == ActionTypes.DeleteFailedPods ? null : cluster.Find(action.Target);
        int? delta = null;
        if (action.Type == ActionTypes.Scale && int.TryParse(action.Parameter(ActionParameters.Replicas), NumberStyles.None, CultureInfo.InvariantCulture, out var replicas))
        {
            delta = replicas - (int)(target?.Raw.Long("spec.replicas") ?? 1);
        }

        int? matched = action.Type == ActionTypes.DeleteFailedPods
            ? cluster.InNamespace("Pod", action.Target.Name).Count(p => p.Raw.Str("status.phase") == "Failed")
            : null;
        return Mutations.For(action, target?.Labels, delta, matched);
    }

    private static SuggestedAction Action(string type, ObjectRef target, params (string Key, string Value)[] parameters)
        => new() { Type = type, Target = target, Parameters = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) };
}
