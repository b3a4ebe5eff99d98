using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Remediation.Tests.Workflow.Support;

/// <summary>
/// The cluster the adversarial action corpus runs against: scenario crashloop-app-error (shop with frontend, cart and
/// a crash-looping orders with history; coredns and kube-proxy in kube-system) plus the objects the corpus aims at.
/// </summary>
internal static class CorpusCluster
{
    public const string Scenario = "crashloop-app-error";

    public static IEnumerable<JsonObject> Objects()
        => SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, Scenario)).State.All.Select(o => o.ToJsonObject()).Concat(Extras());

    private static IEnumerable<JsonObject> Extras()
    {
        foreach (var ns in new[] { "batch", "incident", "payments", "staging" })
        {
            yield return Namespace(ns);
        }

        // shop: every kind a typed action works on, and the awkward cases (no history, paused, bare pods, two containers).
        yield return Workload("StatefulSet", "shop", "db", replicas: 3);
        yield return Workload("DaemonSet", "shop", "log-agent");
        yield return Workload("Deployment", "shop", "worker", replicas: 1);
        yield return Workload("Deployment", "shop", "paused-api", paused: true);
        yield return Workload("Deployment", "shop", "sidecars", containers: 2);
        yield return CronJob("shop", "report", suspend: false);
        yield return CronJob("shop", "nightly", suspend: true);
        yield return Pod("shop", "debug-shell");
        yield return Pod("shop", "adopted", owner: Owner("ReplicaSet", "legacy", controller: false));

        // batch: a few Failed pods a cleanup may remove; incident: more than maxBulkObjects and the escalation threshold.
        for (var i = 0; i < 3; i++)
        {
            yield return Pod("batch", $"import-{i}", phase: "Failed");
        }

        yield return Workload("Deployment", "incident", "api");
        for (var i = 0; i < 7; i++)
        {
            yield return Pod("incident", $"api-evicted-{i}", phase: "Failed");
        }

        yield return Workload("Deployment", "payments", "ledger");
        yield return Pod("payments", "ledger-evicted", phase: "Failed");
        yield return Workload("Deployment", "staging", "web");
        yield return Workload("Deployment", "default", "hello");
        yield return Pod("kube-system", "kube-proxy-evicted", phase: "Failed");
        yield return Pod("kube-system", "coredns-evicted", phase: "Failed");
        yield return CronJob("kube-system", "etcd-backup", suspend: false);
        yield return Workload("Deployment", "kube-public", "public-web");
        yield return CronJob("kube-node-lease", "lease-gc", suspend: true);
    }

    private static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["uid"] = $"ns-{name}-uid" },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    private static JsonObject Workload(string kind, string ns, string name, int replicas = 2, bool paused = false, int containers = 1)
    {
        var list = new JsonArray();
        for (var i = 0; i < containers; i++)
        {
            list.Add(new JsonObject
            {
                ["name"] = i == 0 ? "app" : $"sidecar-{i}",
                ["image"] = $"ghcr.io/example/{name}:1.0",
                ["resources"] = new JsonObject
                {
                    ["limits"] = new JsonObject { ["memory"] = "256Mi" },
                    ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                },
            });
        }

        var spec = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = list },
            },
        };
        var status = new JsonObject { ["observedGeneration"] = 1 };
        if (kind == "DaemonSet")
        {
            status["desiredNumberScheduled"] = 2;
            status["numberAvailable"] = 2;
            status["updatedNumberScheduled"] = 2;
        }
        else
        {
            spec["replicas"] = replicas;
            status["replicas"] = replicas;
            status["updatedReplicas"] = replicas;
            status["readyReplicas"] = replicas;
            status["availableReplicas"] = replicas;
        }

        if (paused)
        {
            spec["paused"] = true;
        }

        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = $"{ns}-{name}-uid",
            ["generation"] = 1,
            ["labels"] = new JsonObject { ["app"] = name },
        };
        if (kind == "Deployment")
        {
            metadata["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "1" };
        }

        return new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = kind, ["metadata"] = metadata, ["spec"] = spec, ["status"] = status };
    }

    private static JsonObject CronJob(string ns, string name, bool suspend) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "CronJob",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = $"{ns}-{name}-uid", ["labels"] = new JsonObject { ["app"] = name } },
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
                            ["containers"] = new JsonArray(new JsonObject { ["name"] = "job", ["image"] = "busybox" }),
                        },
                    },
                },
            },
        },
    };

    private static JsonObject Pod(string ns, string name, string phase = "Running", JsonObject? owner = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = $"{ns}-{name}-uid", ["labels"] = new JsonObject { ["app"] = name } };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(owner);
        }

        var status = new JsonObject { ["phase"] = phase };
        if (phase == "Failed")
        {
            status["reason"] = "Evicted";
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
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "busybox" }),
            },
            ["status"] = status,
        };
    }

    private static JsonObject Owner(string kind, string name, bool controller) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = $"{name}-uid",
        ["controller"] = controller,
    };
}
