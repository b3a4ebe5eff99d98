using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Tests.Actions.Support;

/// <summary>Small cluster objects as kubectl get -o json prints them.</summary>
internal static class TestObjects
{
    public const string Namespace = "shop";

    public static JsonObject Deployment(string name, string image, int replicas = 2, string memory = "512Mi", string uid = "dep-uid", int revision = 1, bool paused = false)
    {
        var deployment = Workload("Deployment", name, image, replicas, memory, uid);
        deployment["metadata"]!["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (paused)
        {
            deployment["spec"]!["paused"] = true;
        }

        return deployment;
    }

    public static JsonObject Workload(string kind, string name, string image, int replicas = 2, string memory = "512Mi", string? uid = null)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Namespace,
                ["uid"] = uid ?? $"{name}-uid",
                ["generation"] = 1,
                ["labels"] = new JsonObject { ["app"] = name, ["team"] = "payments" },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = Template(name, image, memory),
            },
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = 1,
                ["replicas"] = replicas,
                ["updatedReplicas"] = replicas,
                ["readyReplicas"] = replicas,
                ["availableReplicas"] = replicas,
            },
        };
        if (kind == "DaemonSet")
        {
            obj["spec"]!.AsObject().Remove("replicas");
            obj["status"] = new JsonObject { ["observedGeneration"] = 1, ["desiredNumberScheduled"] = 2, ["numberAvailable"] = 2, ["updatedNumberScheduled"] = 2 };
        }

        return obj;
    }

    public static JsonObject Template(string app, string image, string memory, string? hash = null)
    {
        var labels = new JsonObject { ["app"] = app };
        if (hash is not null)
        {
            labels["pod-template-hash"] = hash;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = labels },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "app",
                    ["image"] = image,
                    ["resources"] = new JsonObject
                    {
                        ["limits"] = new JsonObject { ["memory"] = memory },
                        ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "256Mi" },
                    },
                }),
            },
        };
    }

    public static JsonObject ReplicaSet(string deployment, string hash, string image, int revision, int replicas, int available, string deploymentUid = "dep-uid") => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "ReplicaSet",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"{deployment}-{hash}",
            ["namespace"] = Namespace,
            ["uid"] = $"rs-{hash}",
            ["labels"] = new JsonObject { ["app"] = deployment, ["pod-template-hash"] = hash },
            ["annotations"] = new JsonObject
            {
                ["deployment.kubernetes.io/revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["example.com/release"] = $"r{revision}",
            },
            ["ownerReferences"] = new JsonArray(Owner("Deployment", deployment, deploymentUid)),
        },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = deployment, ["pod-template-hash"] = hash } },
            ["template"] = Template(deployment, image, "512Mi", hash),
        },
        ["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = available, ["availableReplicas"] = available },
    };

    public static JsonObject Pod(string name, JsonObject? owner = null, string phase = "Running", bool ready = true, string? reason = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["uid"] = $"{name}-uid", ["labels"] = new JsonObject { ["app"] = "checkout" } };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(owner);
            metadata["generateName"] = name[..(name.LastIndexOf('-') + 1)];
        }

        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        };
        if (reason is not null)
        {
            status["reason"] = reason;
            status["message"] = "The node was low on resource: memory.";
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["nodeName"] = "worker-1",
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "ghcr.io/example/checkout:1.0" }),
            },
            ["status"] = status,
        };
    }

    public static JsonObject Owner(string kind, string name, string uid) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static JsonObject CronJob(string name, bool suspend) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "CronJob",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject
        {
            ["schedule"] = "*/5 * * * *",
            ["suspend"] = suspend,
            ["jobTemplate"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["template"] = new JsonObject
                    {
                        ["spec"] = new JsonObject
                        {
                            ["restartPolicy"] = "OnFailure",
                            ["containers"] = new JsonArray(new JsonObject { ["name"] = "sync", ["image"] = "busybox" }),
                        },
                    },
                },
            },
        },
    };
}
