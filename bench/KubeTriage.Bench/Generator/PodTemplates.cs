using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds a workload's container spec, where the spec-level faults (bad image, missing refs, huge requests) live.</summary>
internal static class PodTemplates
{
    public const int ContainerPort = 8080;

    public static JsonObject Labels(WorkloadPlan plan, bool withHash)
    {
        var labels = new JsonObject { ["app"] = plan.Name };
        if (withHash)
        {
            labels["pod-template-hash"] = plan.TemplateHash;
        }

        return labels;
    }

    /// <summary>The pod template as it appears in a Deployment or ReplicaSet.</summary>
    public static JsonObject Template(WorkloadPlan plan, bool withHash) => new()
    {
        ["metadata"] = new JsonObject { ["creationTimestamp"] = null, ["labels"] = Labels(plan, withHash) },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(Container(plan)),
            ["dnsPolicy"] = "ClusterFirst",
            ["restartPolicy"] = "Always",
            ["schedulerName"] = "default-scheduler",
            ["securityContext"] = new JsonObject(),
            ["terminationGracePeriodSeconds"] = 30,
        },
    };

    public static JsonObject Container(WorkloadPlan plan)
    {
        var container = new JsonObject();
        if (plan.IsPython)
        {
            container["command"] = new JsonArray("python", "-m", plan.Name.Replace('-', '_'));
        }

        var env = new JsonArray(
            new JsonObject { ["name"] = "LOG_LEVEL", ["value"] = "info" },
            new JsonObject { ["name"] = "PORT", ["value"] = "8080" });
        if (!plan.IsPython)
        {
            env.Add(new JsonObject { ["name"] = "JAVA_TOOL_OPTIONS", ["value"] = "-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC" });
        }

        if (plan.UsesSecret)
        {
            env.Add(SecretRef("DB_PASSWORD", $"{plan.Name}-credentials", "password"));
        }

        if (plan.Fault == FaultKind.MissingSecret)
        {
            env.Add(SecretRef("DB_USER", plan.MissingSecretName, "username"));
            env.Add(SecretRef("DB_PASS", plan.MissingSecretName, "password"));
        }

        container["env"] = env;
        var envFrom = new JsonArray();
        if (plan.UsesConfigMap)
        {
            envFrom.Add(new JsonObject { ["configMapRef"] = new JsonObject { ["name"] = $"{plan.Name}-config" } });
        }

        if (plan.Fault == FaultKind.MissingConfigMap)
        {
            envFrom.Add(new JsonObject { ["configMapRef"] = new JsonObject { ["name"] = plan.MissingConfigMapName } });
        }

        if (envFrom.Count > 0)
        {
            container["envFrom"] = envFrom;
        }

        container["image"] = plan.Image;
        container["imagePullPolicy"] = "IfNotPresent";
        container["livenessProbe"] = Probe("/healthz/live", initialDelay: 20);
        container["name"] = plan.Container;
        container["ports"] = new JsonArray(new JsonObject { ["containerPort"] = ContainerPort, ["name"] = "http", ["protocol"] = "TCP" });
        container["readinessProbe"] = Probe("/healthz/ready", initialDelay: null);
        container["resources"] = Resources(plan);
        container["terminationMessagePath"] = "/dev/termination-log";
        container["terminationMessagePolicy"] = "File";
        return container;
    }

    private static JsonObject Resources(WorkloadPlan plan) => plan.Fault switch
    {
        // More CPU than any node has: the scheduler can never place these pods.
        FaultKind.InsufficientCpu => new JsonObject
        {
            ["limits"] = new JsonObject { ["cpu"] = "24", ["memory"] = "8Gi" },
            ["requests"] = new JsonObject { ["cpu"] = "24", ["memory"] = "8Gi" },
        },
        FaultKind.OomKilled => new JsonObject
        {
            ["limits"] = new JsonObject { ["memory"] = "256Mi" },
            ["requests"] = new JsonObject { ["cpu"] = "50m", ["memory"] = "256Mi" },
        },
        _ => new JsonObject
        {
            ["limits"] = new JsonObject { ["memory"] = plan.IsPython ? "256Mi" : "768Mi" },
            ["requests"] = new JsonObject { ["cpu"] = plan.IsPython ? "25m" : "75m", ["memory"] = plan.IsPython ? "128Mi" : "384Mi" },
        },
    };

    private static JsonObject SecretRef(string variable, string secret, string key) => new()
    {
        ["name"] = variable,
        ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["key"] = key, ["name"] = secret } },
    };

    private static JsonObject Probe(string path, int? initialDelay)
    {
        var probe = new JsonObject
        {
            ["failureThreshold"] = 3,
            ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = "http", ["scheme"] = "HTTP" },
        };
        if (initialDelay is not null)
        {
            probe["initialDelaySeconds"] = initialDelay.Value;
        }

        probe["periodSeconds"] = 10;
        probe["successThreshold"] = 1;
        probe["timeoutSeconds"] = 1;
        return probe;
    }
}
