using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds pods as the API server returns them: admission defaults in spec, kubelet-written status per fault.</summary>
internal sealed class PodFactory(Ids ids, CaptureClock clock, ObjectMeta meta, int nodesInCluster)
{
    public JsonObject Build(WorkloadPlan plan, PodPlan pod)
    {
        var volume = "kube-api-access-" + ids.PodSuffix();
        var container = PodTemplates.Container(plan);
        container["volumeMounts"] = new JsonArray(TokenMount(volume));
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(container),
            ["dnsPolicy"] = "ClusterFirst",
            ["enableServiceLinks"] = true,
        };
        if (pod.Node is not null)
        {
            spec["nodeName"] = pod.Node;
        }

        spec["preemptionPolicy"] = "PreemptLowerPriority";
        spec["priority"] = 0;
        spec["restartPolicy"] = "Always";
        spec["schedulerName"] = "default-scheduler";
        spec["securityContext"] = new JsonObject();
        spec["serviceAccount"] = "default";
        spec["serviceAccountName"] = "default";
        spec["terminationGracePeriodSeconds"] = 30;
        spec["tolerations"] = new JsonArray(Toleration("node.kubernetes.io/not-ready"), Toleration("node.kubernetes.io/unreachable"));
        spec["volumes"] = new JsonArray(TokenVolume(volume));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta.Build(pod.Name, plan.Namespace, pod.CreatedAgo, PodTemplates.Labels(plan, withHash: true),
                owner: ObjectMeta.Owner("apps/v1", "ReplicaSet", plan.ReplicaSet, plan.ReplicaSetUid), uid: pod.Uid, generateName: plan.ReplicaSet + "-"),
            ["spec"] = spec,
            ["status"] = pod.Node is null ? Unschedulable(pod) : Status(plan, pod, volume),
        };
    }

    public static string SchedulingMessage(int nodes)
        => $"0/{nodes} nodes are available: {nodes} Insufficient cpu. preemption: 0/{nodes} nodes are available: {nodes} No preemption victims found for incoming pod.";

    private JsonObject Unschedulable(PodPlan pod) => new()
    {
        ["conditions"] = new JsonArray(new JsonObject
        {
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = clock.At(pod.CreatedAgo),
            ["message"] = SchedulingMessage(nodesInCluster),
            ["reason"] = "Unschedulable",
            ["status"] = "False",
            ["type"] = "PodScheduled",
        }),
        ["phase"] = "Pending",
        ["qosClass"] = "Guaranteed",
    };

    private JsonObject Status(WorkloadPlan plan, PodPlan pod, string volume)
    {
        var start = pod.CreatedAgo - 1;
        var (containerStatus, ready, phase) = plan.PodsFail ? FailingContainer(plan, pod, volume) : HealthyContainer(plan, pod, volume, start);
        var readyAt = ready ? start - 12 - (pod.RecoveredProbe ? 60 : 0) : start;
        var notReady = ready ? null : $"containers with unready status: [{plan.Container}]";
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", "True", start - 1.5, null, null),
                Condition("Initialized", "True", start, null, null),
                Condition("Ready", ready ? "True" : "False", readyAt, ready ? null : "ContainersNotReady", notReady),
                Condition("ContainersReady", ready ? "True" : "False", readyAt, ready ? null : "ContainersNotReady", notReady),
                Condition("PodScheduled", "True", pod.CreatedAgo - 0.5, null, null)),
            ["containerStatuses"] = new JsonArray(containerStatus),
            ["hostIP"] = pod.HostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = pod.HostIp }),
            ["phase"] = phase,
            ["podIP"] = pod.PodIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = pod.PodIp }),
            ["qosClass"] = "Burstable",
            ["startTime"] = clock.At(start),
        };
    }

    private (JsonObject Status, bool Ready, string Phase) HealthyContainer(WorkloadPlan plan, PodPlan pod, string volume, double start)
    {
        var id = ContainerId();
        var status = new JsonObject
        {
            ["containerID"] = id,
            ["image"] = plan.Image,
            ["imageID"] = ImageId(plan),
            ["lastState"] = new JsonObject(),
            ["name"] = plan.Container,
            ["ready"] = true,
            ["restartCount"] = pod.RestartCount,
            ["started"] = true,
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = clock.At(start - 3) } },
            ["volumeMounts"] = new JsonArray(TokenStatusMount(volume)),
        };
        if (pod.RecoveredRestart)
        {
            // One crash days ago, running cleanly ever since.
            var finished = pod.CreatedAgo * 0.4;
            var oom = ids.Chance(0.5);
            status["lastState"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["containerID"] = ContainerId(),
                    ["exitCode"] = oom ? 137 : 1,
                    ["finishedAt"] = clock.At(finished),
                    ["reason"] = oom ? "OOMKilled" : "Error",
                    ["startedAt"] = clock.At(start - 3),
                },
            };
            status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = clock.At(finished - 2) } };
        }

        return (status, true, "Running");
    }

    private (JsonObject Status, bool Ready, string Phase) FailingContainer(WorkloadPlan plan, PodPlan pod, string volume)
    {
        switch (plan.Fault)
        {
            case FaultKind.AppCrash or FaultKind.OomKilled:
                {
                    var oom = plan.Fault == FaultKind.OomKilled;
                    var id = ContainerId();
                    var finished = ids.Between(20, 200);
                    return (new JsonObject
                    {
                        ["containerID"] = id,
                        ["image"] = plan.Image,
                        ["imageID"] = ImageId(plan),
                        ["lastState"] = new JsonObject
                        {
                            ["terminated"] = new JsonObject
                            {
                                ["containerID"] = id,
                                ["exitCode"] = oom ? 137 : 1,
                                ["finishedAt"] = clock.At(finished),
                                ["reason"] = oom ? "OOMKilled" : "Error",
                                ["startedAt"] = clock.At(finished + (oom ? ids.Between(30, 90) : 2)),
                            },
                        },
                        ["name"] = plan.Container,
                        ["ready"] = false,
                        ["restartCount"] = pod.RestartCount,
                        ["started"] = false,
                        ["state"] = new JsonObject
                        {
                            ["waiting"] = new JsonObject
                            {
                                ["message"] = $"back-off 5m0s restarting failed container={plan.Container} pod={pod.Name}_{plan.Namespace}({pod.Uid})",
                                ["reason"] = "CrashLoopBackOff",
                            },
                        },
                        ["volumeMounts"] = new JsonArray(TokenStatusMount(volume)),
                    }, false, "Running");
                }

            default:
                var (reason, message) = plan.Fault switch
                {
                    FaultKind.MissingSecret => ("CreateContainerConfigError", $"secret \"{plan.MissingSecretName}\" not found"),
                    FaultKind.MissingConfigMap => ("CreateContainerConfigError", $"configmap \"{plan.MissingConfigMapName}\" not found"),
                    _ => ("ImagePullBackOff", $"Back-off pulling image \"{plan.Image}\": ErrImagePull: {ImagePullError(plan.Image)}"),
                };
                return (new JsonObject
                {
                    ["image"] = plan.Image,
                    ["imageID"] = "",
                    ["lastState"] = new JsonObject(),
                    ["name"] = plan.Container,
                    ["ready"] = false,
                    ["restartCount"] = 0,
                    ["started"] = false,
                    ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["message"] = message, ["reason"] = reason } },
                    ["volumeMounts"] = new JsonArray(TokenStatusMount(volume)),
                }, false, "Pending");
        }
    }

    public static string ImagePullError(string image)
        => $"rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": failed to resolve reference \"{image}\": {image}: not found";

    private string ContainerId() => "containerd://" + ids.HexString(64);

    private string ImageId(WorkloadPlan plan) => plan.Image[..plan.Image.LastIndexOf(':')] + "@sha256:" + ids.HexString(64);

    private JsonObject Condition(string type, string status, double ago, string? reason, string? message)
    {
        var condition = new JsonObject { ["lastProbeTime"] = null, ["lastTransitionTime"] = clock.At(ago) };
        if (message is not null)
        {
            condition["message"] = message;
        }

        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        condition["status"] = status;
        condition["type"] = type;
        return condition;
    }

    private static JsonObject Toleration(string key) => new()
    {
        ["effect"] = "NoExecute",
        ["key"] = key,
        ["operator"] = "Exists",
        ["tolerationSeconds"] = 300,
    };

    private static JsonObject TokenMount(string volume) => new()
    {
        ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount",
        ["name"] = volume,
        ["readOnly"] = true,
    };

    private static JsonObject TokenStatusMount(string volume) => new()
    {
        ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount",
        ["name"] = volume,
        ["readOnly"] = true,
        ["recursiveReadOnly"] = "Disabled",
    };

    private static JsonObject TokenVolume(string volume) => new()
    {
        ["name"] = volume,
        ["projected"] = new JsonObject
        {
            ["defaultMode"] = 420,
            ["sources"] = new JsonArray(
                new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                new JsonObject
                {
                    ["configMap"] = new JsonObject
                    {
                        ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }),
                        ["name"] = "kube-root-ca.crt",
                    },
                },
                new JsonObject
                {
                    ["downwardAPI"] = new JsonObject
                    {
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" },
                            ["path"] = "namespace",
                        }),
                    },
                }),
        },
    };
}
