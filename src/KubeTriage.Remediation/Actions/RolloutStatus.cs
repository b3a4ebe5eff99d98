using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Actions;

/// <summary>Decides whether a workload finished rolling out, with the same checks as <c>kubectl rollout status</c>.</summary>
internal static class RolloutStatus
{
    public static Polling.Probe Check(string kind, JsonObject obj)
    {
        var generation = obj.Long("metadata.generation") ?? 0;
        var observed = obj.Long("status.observedGeneration") ?? 0;
        var name = $"{kind} {obj.Name()}";
        if (observed < generation)
        {
            return Polling.Probe.Wait($"waiting for {name} spec update to be observed (generation {generation}, observed {observed})");
        }

        return kind switch
        {
            "Deployment" => Deployment(name, obj),
            "StatefulSet" => StatefulSet(name, obj),
            "DaemonSet" => DaemonSet(name, obj),
            _ => Replicas(name, obj),
        };
    }

    private static Polling.Probe Deployment(string name, JsonObject obj)
    {
        var progressing = obj.Objects("status.conditions").FirstOrDefault(c => c.Str("type") == "Progressing");
        if (progressing?.Str("reason") == "ProgressDeadlineExceeded")
        {
            return Polling.Probe.Fail($"{name} exceeded its progress deadline");
        }

        var replicas = obj.Long("spec.replicas") ?? 1;
        var updated = obj.Long("status.updatedReplicas") ?? 0;
        var total = obj.Long("status.replicas") ?? 0;
        var available = obj.Long("status.availableReplicas") ?? 0;
        if (updated < replicas)
        {
            return Polling.Probe.Wait($"{name}: {updated} out of {replicas} new replicas have been updated");
        }

        if (total > updated)
        {
            return Polling.Probe.Wait($"{name}: {total - updated} old replicas are pending termination");
        }

        if (available < updated)
        {
            return Polling.Probe.Wait($"{name}: {available} of {updated} updated replicas are available");
        }

        return Polling.Probe.Done($"{name} successfully rolled out ({available} of {replicas} replicas available)");
    }

    private static Polling.Probe StatefulSet(string name, JsonObject obj)
    {
        var replicas = obj.Long("spec.replicas") ?? 1;
        var ready = obj.Long("status.readyReplicas") ?? 0;
        if (ready < replicas)
        {
            return Polling.Probe.Wait($"{name}: {ready} of {replicas} pods are ready");
        }

        if (obj.Str("spec.updateStrategy.type") is null or "RollingUpdate")
        {
            var updated = obj.Long("status.updatedReplicas") ?? 0;
            if (updated < replicas || obj.Str("status.updateRevision") != obj.Str("status.currentRevision"))
            {
                return Polling.Probe.Wait($"{name}: {updated} of {replicas} pods run the update revision");
            }
        }

        return Polling.Probe.Done($"{name} rolled out ({ready} of {replicas} pods ready)");
    }

    private static Polling.Probe DaemonSet(string name, JsonObject obj)
    {
        var desired = obj.Long("status.desiredNumberScheduled") ?? 0;
        var updated = obj.Long("status.updatedNumberScheduled") ?? 0;
        var available = obj.Long("status.numberAvailable") ?? 0;
        if (updated < desired)
        {
            return Polling.Probe.Wait($"{name}: {updated} out of {desired} new pods have been updated");
        }

        if (available < desired)
        {
            return Polling.Probe.Wait($"{name}: {available} of {desired} updated pods are available");
        }

        return Polling.Probe.Done($"{name} successfully rolled out ({available} of {desired} pods available)");
    }

    private static Polling.Probe Replicas(string name, JsonObject obj)
    {
        var replicas = obj.Long("spec.replicas") ?? 1;
        var current = obj.Long("status.replicas") ?? 0;
        var available = obj.Long("status.availableReplicas") ?? 0;
        return current == replicas && available == replicas
            ? Polling.Probe.Done($"{name} has {replicas} available replicas")
            : Polling.Probe.Wait($"{name}: {available} of {replicas} replicas available ({current} exist)");
    }
}
