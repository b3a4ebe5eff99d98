using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analysis;

/// <summary>Walks controller ownerReferences to the object where a fix belongs (Pod -> ReplicaSet -> Deployment, Job -> CronJob).</summary>
public static class OwnerResolver
{
    /// <summary>Returns the top controller of an object, or the object itself when it has none in the data.</summary>
    public static KubeObject TopController(ClusterState cluster, KubeObject obj)
    {
        var current = obj;
        for (var depth = 0; depth < 5; depth++)
        {
            var controller = current.Controller;
            if (controller is null)
            {
                break;
            }

            var owner = cluster.OwnerOf(current, controller);
            if (owner is null)
            {
                // The owner is not in the data (a snapshot of pods only): the deepest object we know is the answer.
                break;
            }

            current = owner;
        }

        return current;
    }

    /// <summary>Returns the reference of the top controller.</summary>
    public static ObjectRef TopControllerRef(ClusterState cluster, KubeObject obj) => TopController(cluster, obj).Ref;

    /// <summary>Returns the pods a workload controls, directly or through ReplicaSets/Jobs.</summary>
    public static IEnumerable<KubeObject> PodsOf(ClusterState cluster, KubeObject workload)
    {
        foreach (var child in cluster.ChildrenOf(workload))
        {
            if (child.Kind == "Pod")
            {
                yield return child;
            }
            else if (child.Kind is "ReplicaSet" or "Job")
            {
                foreach (var pod in PodsOf(cluster, child))
                {
                    yield return pod;
                }
            }
        }
    }
}
