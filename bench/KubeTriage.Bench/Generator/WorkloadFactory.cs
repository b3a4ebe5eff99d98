using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds a workload's Deployment and its current ReplicaSet, with status that matches its pods.</summary>
internal sealed class WorkloadFactory(ObjectMeta meta, CaptureClock clock)
{
    public JsonObject Deployment(WorkloadPlan plan)
    {
        var revision = Revision(plan);
        var status = new JsonObject();
        var ready = ReadyPods(plan);
        if (ready > 0)
        {
            status["availableReplicas"] = ready;
        }

        var conditions = new JsonArray();
        if (ready == plan.Replicas)
        {
            conditions.Add(Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", plan.RolloutAgo - 40, plan.RolloutAgo - 40));
            conditions.Add(Condition("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{plan.ReplicaSet}\" has successfully progressed.", plan.CreatedAgo, plan.RolloutAgo - 45));
        }
        else
        {
            // The rollout started long enough ago for progressDeadlineSeconds (600) to have passed.
            conditions.Add(Condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", plan.RolloutAgo - 1, plan.RolloutAgo - 1));
            conditions.Add(Condition("Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{plan.ReplicaSet}\" has timed out progressing.", plan.RolloutAgo - 601, plan.RolloutAgo - 601));
        }

        status["conditions"] = conditions;
        status["observedGeneration"] = revision;
        if (ready > 0)
        {
            status["readyReplicas"] = ready;
        }

        status["replicas"] = plan.Replicas;
        if (ready < plan.Replicas)
        {
            status["unavailableReplicas"] = plan.Replicas - ready;
        }

        status["updatedReplicas"] = plan.Replicas;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = meta.Build(plan.Name, plan.Namespace, plan.CreatedAgo, PodTemplates.Labels(plan, withHash: false),
                new JsonObject { ["deployment.kubernetes.io/revision"] = Text(revision) }, uid: plan.Uid, generation: revision),
            ["spec"] = new JsonObject
            {
                ["progressDeadlineSeconds"] = 600,
                ["replicas"] = plan.Replicas,
                ["revisionHistoryLimit"] = 10,
                ["selector"] = new JsonObject { ["matchLabels"] = PodTemplates.Labels(plan, withHash: false) },
                ["strategy"] = new JsonObject
                {
                    ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" },
                    ["type"] = "RollingUpdate",
                },
                ["template"] = PodTemplates.Template(plan, withHash: false),
            },
            ["status"] = status,
        };
    }

    public JsonObject ReplicaSet(WorkloadPlan plan)
    {
        var ready = ReadyPods(plan);
        var status = new JsonObject();
        if (ready > 0)
        {
            status["availableReplicas"] = ready;
        }

        status["fullyLabeledReplicas"] = plan.Replicas;
        status["observedGeneration"] = 1;
        if (ready > 0)
        {
            status["readyReplicas"] = ready;
        }

        status["replicas"] = plan.Replicas;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = meta.Build(plan.ReplicaSet, plan.Namespace, plan.RolloutAgo, PodTemplates.Labels(plan, withHash: true),
                new JsonObject
                {
                    ["deployment.kubernetes.io/desired-replicas"] = Text(plan.Replicas),
                    ["deployment.kubernetes.io/max-replicas"] = Text(plan.Replicas + (int)Math.Ceiling(plan.Replicas * 0.25)),
                    ["deployment.kubernetes.io/revision"] = Text(Revision(plan)),
                },
                ObjectMeta.Owner("apps/v1", "Deployment", plan.Name, plan.Uid), plan.ReplicaSetUid, generation: 1),
            ["spec"] = new JsonObject
            {
                ["replicas"] = plan.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = PodTemplates.Labels(plan, withHash: true) },
                ["template"] = PodTemplates.Template(plan, withHash: true),
            },
            ["status"] = status,
        };
    }

    private static int ReadyPods(WorkloadPlan plan) => plan.PodsFail ? 0 : plan.Pods.Count;

    // Older Deployments have been rolled out more often; the number only has to look plausible.
    private static int Revision(WorkloadPlan plan) => 1 + (int)(plan.CreatedAgo / (86400 * 3));

    private JsonObject Condition(string type, string status, string reason, string message, double transitionAgo, double updateAgo) => new()
    {
        ["lastTransitionTime"] = clock.At(transitionAgo),
        ["lastUpdateTime"] = clock.At(updateAgo),
        ["message"] = message,
        ["reason"] = reason,
        ["status"] = status,
        ["type"] = type,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
