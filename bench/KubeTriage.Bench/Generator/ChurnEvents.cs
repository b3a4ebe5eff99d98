using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>
/// Fills the event budget with earlier rollouts of healthy Deployments during the last day: pods created,
/// started and later killed, which no longer exist. A few left warnings behind; all of it is history.
/// </summary>
internal sealed class ChurnEvents(EventFactory events, Ids ids, IReadOnlyList<NodeFactory.NodePlan> nodes)
{
    public IEnumerable<JsonObject> Fill(IReadOnlyList<WorkloadPlan> plans, int target)
    {
        var candidates = plans.Where(p => !p.IsBroken && p.RolloutAgo + 1200 < WorkloadEvents.EventTtl).ToList();
        if (candidates.Count == 0)
        {
            yield break;
        }

        while (events.Built < target)
        {
            var plan = ids.OneOf(candidates);
            var replacedAt = ids.Between((int)plan.RolloutAgo + 600, (int)WorkloadEvents.EventTtl - 600);
            var createdAt = Math.Min(replacedAt + ids.Between(1800, 6 * 3600), WorkloadEvents.EventTtl - 60);
            var rs = $"{plan.Name}-{ids.TemplateHash()}";
            var rsUid = ids.Uid();
            var image = plan.Image[..(plan.Image.LastIndexOf(':') + 1)] + $"{ids.Between(0, 9)}.{ids.Between(0, 30)}.{ids.Between(0, 12)}";
            foreach (var ev in Rollout(plan, rs, rsUid, image, createdAt, replacedAt))
            {
                if (events.Built > target)
                {
                    yield break;
                }

                yield return ev;
            }
        }
    }

    private IEnumerable<JsonObject> Rollout(WorkloadPlan plan, string rs, string rsUid, string image, double createdAt, double replacedAt)
    {
        yield return events.Controller("apps/v1", "Deployment", plan.Namespace, plan.Name, plan.Uid, "deployment-controller", "ScalingReplicaSet",
            $"Scaled up replica set {rs} from 0 to {plan.Replicas}", createdAt);
        for (var i = 0; i < plan.Replicas; i++)
        {
            var node = ids.OneOf(nodes);
            var pod = new EventFactory.PodRef(plan.Namespace, $"{rs}-{ids.PodSuffix()}", ids.Uid(), node.Name, plan.Container);
            var t = createdAt - (i * 2.5);
            yield return events.Controller("apps/v1", "ReplicaSet", plan.Namespace, rs, rsUid, "replicaset-controller", "SuccessfulCreate", $"Created pod: {pod.Name}", t);
            yield return events.Scheduled(pod, t - 0.3);
            yield return events.Kubelet(pod, "Pulling", $"Pulling image \"{image}\"", firstAgo: t - 1);
            yield return events.Kubelet(pod, "Pulled", $"Successfully pulled image \"{image}\" in 2.871s (2.871s including waiting). Image size: 79114203 bytes.", firstAgo: t - 3.9);
            yield return events.Kubelet(pod, "Created", $"Created container: {plan.Container}", firstAgo: t - 4);
            yield return events.Kubelet(pod, "Started", $"Started container: {plan.Container}", firstAgo: t - 4.2);
            if (ids.Chance(0.03))
            {
                yield return events.Kubelet(pod, "Unhealthy", $"Readiness probe failed: HTTP probe failed with statuscode: 503", "Warning", ids.Between(1, 5), t - 10, t - 40);
            }

            if (ids.Chance(0.01))
            {
                yield return events.Kubelet(pod, "BackOff", $"Back-off restarting failed container {plan.Container} in pod {pod.Name}_{pod.Namespace}({pod.Uid})",
                    "Warning", ids.Between(1, 3), t - 60, t - 200);
            }

            yield return events.Kubelet(pod, "Killing", $"Stopping container {plan.Container}", firstAgo: replacedAt - (i * 2.5));
            yield return events.Controller("apps/v1", "ReplicaSet", plan.Namespace, rs, rsUid, "replicaset-controller", "SuccessfulDelete", $"Deleted pod: {pod.Name}", replacedAt - (i * 2.5));
        }

        yield return events.Controller("apps/v1", "Deployment", plan.Namespace, plan.Name, plan.Uid, "deployment-controller", "ScalingReplicaSet",
            $"Scaled down replica set {rs} from {plan.Replicas} to 0", replacedAt - (plan.Replicas * 2.5));
    }
}
