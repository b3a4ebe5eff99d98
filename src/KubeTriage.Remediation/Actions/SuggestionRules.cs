using KubeTriage.Core.Analysis;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Remediation.Actions;

/// <summary>What the suggester reads from a snapshot: OOM-killed containers, revision health, Failed pods, pinned workloads.</summary>
internal static class SuggestionRules
{
    /// <summary>One raise-memory-limit action per container of the workload that was OOM-killed and has a limit.</summary>
    public static IEnumerable<SuggestedAction> RaiseMemory(ClusterState cluster, KubeObject workload)
    {
        if (workload.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet"))
        {
            yield break;
        }

        var killed = OwnerResolver.PodsOf(cluster, workload)
            .SelectMany(p => p.Raw.Objects("status.containerStatuses").Concat(p.Raw.Objects("status.initContainerStatuses")))
            .Where(s => s.Str("lastState.terminated.reason") == "OOMKilled" || s.Str("state.terminated.reason") == "OOMKilled")
            .Select(s => s.Str("name"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var containers = workload.Raw.Objects("spec.template.spec.containers").Concat(workload.Raw.Objects("spec.template.spec.initContainers")).ToList();

        // Without pods in the data, a workload with a single container leaves no doubt which one it is.
        if (killed.Count == 0 && workload.Raw.Objects("spec.template.spec.containers").Count() == 1)
        {
            killed.Add(workload.Raw.Objects("spec.template.spec.containers").First().Str("name") ?? "");
        }

        foreach (var container in containers.Where(c => killed.Contains(c.Str("name") ?? "")))
        {
            if (Quantity.Parse(container.Str("resources.limits.memory")) is not { } limit)
            {
                continue;
            }

            yield return new SuggestedAction
            {
                Type = ActionTypes.RaiseMemoryLimit,
                Target = workload.Ref,
                Parameters = new Dictionary<string, string>
                {
                    [ActionParameters.Container] = container.Str("name")!,
                    [ActionParameters.Memory] = MemoryLimits.Raise(limit),
                },
            };
        }
    }

    /// <summary>Returns whether the Deployment's newest revision is failing while the one before it was serving.</summary>
    public static bool NewRevisionRegressed(ClusterState cluster, KubeObject deployment)
    {
        var revisions = cluster.ChildrenOf(deployment)
            .Where(c => c.Kind == "ReplicaSet" && c.Controller?.Uid == deployment.Uid)
            .Select(rs => (Revision: long.TryParse(rs.Annotations.GetValueOrDefault("deployment.kubernetes.io/revision"), out var r) ? r : -1, ReplicaSet: rs))
            .Where(r => r.Revision >= 0)
            .OrderByDescending(r => r.Revision)
            .ToList();
        if (revisions.Count < 2)
        {
            return false;
        }

        var (newest, previous) = (revisions[0].ReplicaSet, revisions[1].ReplicaSet);
        return !Healthy(cluster, newest, requireAll: true) && Healthy(cluster, previous, requireAll: false);
    }

    /// <summary>Returns the namespaces of the Failed pods a NodePressure cause covers (on its node, or listed as affected).</summary>
    public static IEnumerable<string> FailedPodNamespaces(ClusterState cluster, RootCause cause)
    {
        var affected = cause.Affected.Where(a => a.Kind == "Pod").Select(cluster.Find).OfType<KubeObject>();
        var onNode = cause.Resource.Kind == "Node" ? cluster.PodsOnNode(cause.Resource.Name) : [];
        return affected.Concat(onNode)
            .Where(p => p.Raw.Str("status.phase") == "Failed")
            .Select(p => p.Namespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Returns the Deployments and StatefulSets with one replica whose pods the budget selects.</summary>
    public static IEnumerable<KubeObject> SingleReplicaWorkloads(ClusterState cluster, KubeObject pdb)
    {
        var selector = pdb.Raw.Map("spec.selector.matchLabels");
        if (selector.Count == 0)
        {
            return [];
        }

        return cluster.InNamespace("Deployment", pdb.Namespace).Concat(cluster.InNamespace("StatefulSet", pdb.Namespace))
            .Where(w => (w.Raw.Long("spec.replicas") ?? 1) == 1)
            .Where(w =>
            {
                var labels = w.Raw.Map("spec.template.metadata.labels");
                return selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
            });
    }

    public static string Describe(SuggestedAction action) => action.Type switch
    {
        ActionTypes.RaiseMemoryLimit => $"Raise the memory limit of container {action.Parameter(ActionParameters.Container)} to {action.Parameter(ActionParameters.Memory)}",
        ActionTypes.Rollback => $"Roll {action.Target.Kind} {action.Target.Name} back to its previous revision, which was healthy",
        ActionTypes.RolloutRestart => $"Restart the pods of {action.Target.Kind} {action.Target.Name} once the cause is fixed",
        ActionTypes.RestartPod => $"Delete pod {action.Target.Name} so its controller replaces it",
        ActionTypes.DeleteFailedPods => $"Delete the Failed (Evicted) pods of namespace {action.Target.Name}",
        ActionTypes.ResumeCronJob => $"Resume CronJob {action.Target.Name}",
        ActionTypes.SuspendCronJob => $"Suspend CronJob {action.Target.Name} until its Jobs are fixed",
        ActionTypes.Scale => $"Scale {action.Target.Kind} {action.Target.Name} to {action.Parameter(ActionParameters.Replicas)} replicas so the budget allows a disruption",
        _ => action.ToString(),
    };

    // A ReplicaSet serves when its pods are available; requireAll asks for every desired replica, otherwise one suffices.
    private static bool Healthy(ClusterState cluster, KubeObject replicaSet, bool requireAll)
    {
        var desired = replicaSet.Raw.Long("spec.replicas") ?? 0;
        var available = replicaSet.Raw.Long("status.availableReplicas") ?? replicaSet.Raw.Long("status.readyReplicas") ?? 0;
        var pods = cluster.ChildrenOf(replicaSet).Where(p => p.Kind == "Pod").ToList();
        var readyPods = pods.Count(p => p.Raw.Objects("status.conditions").Any(c => c.Str("type") == "Ready" && c.Str("status") == "True"));
        var serving = Math.Max(available, readyPods);
        return requireAll ? serving >= desired && pods.All(p => p.Raw.Objects("status.conditions").Any(c => c.Str("type") == "Ready" && c.Str("status") == "True")) : serving > 0;
    }
}
