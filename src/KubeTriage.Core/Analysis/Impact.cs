using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analysis;

/// <summary>Decides how bad a failing pod is for its workload: critical when nothing of the workload serves.</summary>
public static class Impact
{
    /// <summary>Returns critical when the pod's workload has no ready replica left, else warning.</summary>
    public static string SeverityFor(ClusterState cluster, KubeObject pod)
    {
        var owner = OwnerResolver.TopController(cluster, pod);
        if (owner == pod)
        {
            return Severity.Critical;
        }

        var ready = owner.Kind switch
        {
            "Deployment" or "StatefulSet" or "ReplicaSet" => owner.Raw.Long("status.readyReplicas") ?? owner.Raw.Long("status.availableReplicas"),
            "DaemonSet" => owner.Raw.Long("status.numberReady"),
            _ => null,
        };

        ready ??= OwnerResolver.PodsOf(cluster, owner).Count(p => new Model.Views.PodView(p).IsReady);
        return ready > 0 ? Severity.Warning : Severity.Critical;
    }
}
