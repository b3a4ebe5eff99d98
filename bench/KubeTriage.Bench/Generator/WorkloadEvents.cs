using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>The events a workload's rollout left behind: Normal lifecycle noise, old recovered warnings, and the real warnings of broken pods.</summary>
internal sealed class WorkloadEvents(EventFactory events, Ids ids, int nodeCount)
{
    /// <summary>The cluster keeps events for a day (--event-ttl=24h); older rollouts left none.</summary>
    public const double EventTtl = 86400;

    public IEnumerable<JsonObject> For(WorkloadPlan plan)
    {
        if (plan.RolloutAgo < EventTtl)
        {
            yield return events.Controller("apps/v1", "Deployment", plan.Namespace, plan.Name, plan.Uid, "deployment-controller", "ScalingReplicaSet",
                $"Scaled up replica set {plan.ReplicaSet} from 0 to {plan.Replicas}", plan.RolloutAgo);
        }

        foreach (var pod in plan.Pods.Where(p => p.CreatedAgo < EventTtl))
        {
            yield return events.Controller("apps/v1", "ReplicaSet", plan.Namespace, plan.ReplicaSet, plan.ReplicaSetUid, "replicaset-controller", "SuccessfulCreate",
                $"Created pod: {pod.Name}", pod.CreatedAgo);
            var podRef = new EventFactory.PodRef(plan.Namespace, pod.Name, pod.Uid, pod.Node, plan.Container);
            var lifecycle = plan.Fault switch
            {
                FaultKind.InsufficientCpu => Unschedulable(podRef, pod),
                FaultKind.AppCrash or FaultKind.OomKilled => CrashLooping(plan, podRef, pod),
                FaultKind.MissingSecret => ConfigError(plan, podRef, pod, $"Error: secret \"{plan.MissingSecretName}\" not found"),
                FaultKind.MissingConfigMap => ConfigError(plan, podRef, pod, $"Error: configmap \"{plan.MissingConfigMapName}\" not found"),
                FaultKind.ImagePullNotFound => ImagePull(plan, podRef, pod),
                _ => Healthy(plan, podRef, pod),
            };
            foreach (var ev in lifecycle)
            {
                yield return ev;
            }
        }
    }

    private IEnumerable<JsonObject> Healthy(WorkloadPlan plan, EventFactory.PodRef pod, PodPlan plannedPod)
    {
        var t = plannedPod.CreatedAgo;
        if (plannedPod.RecoveredScheduling)
        {
            // Waited for the cluster autoscaler, then scheduled: a resolved warning.
            yield return events.FailedScheduling(pod,
                $"0/{nodeCount} nodes are available: {nodeCount} Insufficient memory. preemption: 0/{nodeCount} nodes are available: {nodeCount} No preemption victims found for incoming pod.",
                t + 90, t + 5, ids.Between(2, 4));
        }

        yield return events.Scheduled(pod, t - 0.3);
        yield return events.Kubelet(pod, "Pulled", $"Container image \"{plan.Image}\" already present on machine", firstAgo: t - 1.5);
        yield return events.Kubelet(pod, "Created", $"Created container: {plan.Container}", firstAgo: t - 1.6);
        yield return events.Kubelet(pod, "Started", $"Started container: {plan.Container}", firstAgo: t - 2);
        if (plannedPod.RecoveredProbe)
        {
            // Slow first start: readiness failed a few times, then the pod became ready and stayed so.
            yield return events.Kubelet(pod, "Unhealthy",
                $"Readiness probe failed: Get \"http://{plannedPod.PodIp}:{PodTemplates.ContainerPort}/healthz/ready\": dial tcp {plannedPod.PodIp}:{PodTemplates.ContainerPort}: connect: connection refused",
                "Warning", ids.Between(2, 6), t - 5, t - 55);
        }
    }

    private IEnumerable<JsonObject> Unschedulable(EventFactory.PodRef pod, PodPlan plannedPod)
    {
        yield return events.FailedScheduling(pod, PodFactory.SchedulingMessage(nodeCount), plannedPod.CreatedAgo, ids.Between(10, 300), ids.Between(5, 14));
    }

    private IEnumerable<JsonObject> CrashLooping(WorkloadPlan plan, EventFactory.PodRef pod, PodPlan plannedPod)
    {
        var t = plannedPod.CreatedAgo;
        var restarts = plannedPod.RestartCount;
        var last = ids.Between(15, 200);
        yield return events.Scheduled(pod, t - 0.3);
        yield return events.Kubelet(pod, "Pulling", $"Pulling image \"{plan.Image}\"", firstAgo: t - 1);
        yield return events.Kubelet(pod, "Pulled", $"Successfully pulled image \"{plan.Image}\" in 3.412s (3.412s including waiting). Image size: 84203881 bytes.", firstAgo: t - 4.5);
        yield return events.Kubelet(pod, "Pulled", $"Container image \"{plan.Image}\" already present on machine", count: restarts, firstAgo: t - 30, lastAgo: last);
        yield return events.Kubelet(pod, "Created", $"Created container: {plan.Container}", count: restarts + 1, firstAgo: t - 5, lastAgo: last);
        yield return events.Kubelet(pod, "Started", $"Started container: {plan.Container}", count: restarts + 1, firstAgo: t - 5, lastAgo: last);
        yield return events.Kubelet(pod, "BackOff", $"Back-off restarting failed container {plan.Container} in pod {pod.Name}_{pod.Namespace}({pod.Uid})",
            "Warning", (restarts * 4) + ids.Between(0, 9), t - 20, ids.Between(1, 15));
    }

    private IEnumerable<JsonObject> ConfigError(WorkloadPlan plan, EventFactory.PodRef pod, PodPlan plannedPod, string message)
    {
        var t = plannedPod.CreatedAgo;
        var count = (int)Math.Min(t / 15, 120);
        var last = ids.Between(2, 30);
        yield return events.Scheduled(pod, t - 0.3);
        yield return events.Kubelet(pod, "Pulled", $"Container image \"{plan.Image}\" already present on machine", count: count, firstAgo: t - 1.5, lastAgo: last);
        yield return events.Kubelet(pod, "Failed", message, "Warning", count, t - 1.5, last);
    }

    private IEnumerable<JsonObject> ImagePull(WorkloadPlan plan, EventFactory.PodRef pod, PodPlan plannedPod)
    {
        var t = plannedPod.CreatedAgo;
        var pulls = ids.Between(5, 9);
        var backoffs = (int)Math.Min(t / 12, 110);
        var last = ids.Between(2, 60);
        yield return events.Scheduled(pod, t - 0.3);
        yield return events.Kubelet(pod, "Pulling", $"Pulling image \"{plan.Image}\"", count: pulls, firstAgo: t - 1, lastAgo: last + 200);
        yield return events.Kubelet(pod, "Failed", $"Failed to pull image \"{plan.Image}\": {PodFactory.ImagePullError(plan.Image)}", "Warning", pulls, t - 2, last + 199);
        yield return events.Kubelet(pod, "Failed", "Error: ErrImagePull", "Warning", pulls, t - 2, last + 199);
        yield return events.Kubelet(pod, "BackOff", $"Back-off pulling image \"{plan.Image}\"", count: backoffs, firstAgo: t - 3, lastAgo: last);
        yield return events.Kubelet(pod, "Failed", "Error: ImagePullBackOff", "Warning", backoffs, t - 3, last);
    }
}
