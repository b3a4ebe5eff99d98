using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Handlers;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Controllers;

/// Stands in for kube-controller-manager and the kubelet when <see cref="SandboxOptions.SimulateControllers"/> is on:
/// after each real (not dry-run) write it brings the written object to the state its controller would reach.
/// It runs synchronously inside the write request, so a client polling for the result sees it on its next read.
internal sealed class ControllerSimulator(SandboxContext sandbox)
{
    private readonly WorkloadRollouts _rollouts = new(sandbox.Store);
    private readonly Lock _gate = new();

    /// <summary>The object a write is about to change, read before the handler runs (a deleted pod is gone after it).</summary>
    public JsonObject? Capture(ApiRequest request)
        => IsWrite(request) && request.Name is not null ? sandbox.Store.Get(request.Key) : null;

    public void AfterWrite(ApiRequest request, JsonObject? before)
    {
        if (!IsWrite(request) || request.DryRun || request.Subresource == "status" || request.Context.Response.StatusCode >= 300)
        {
            return;
        }

        // Controllers run one at a time, as each works its own queue; a concurrent write simply reconciles again.
        lock (_gate)
        {
            try
            {
                Reconcile(request, before);
            }
            catch (ApiException)
            {
                // The client has its answer already; a write that raced the simulation is reconciled by the next one.
            }
        }
    }

    private void Reconcile(ApiRequest request, JsonObject? before)
    {
        var ns = request.Namespace ?? "";
        var name = request.Name ?? before?.Name() ?? "";
        switch (request.Resource.StorageGroup, request.Resource.Plural)
        {
            case ("apps", "deployments") when request.Verb != "delete":
                _rollouts.ReconcileDeployment(ns, name);
                break;
            case ("apps", "statefulsets" or "daemonsets" or "replicasets") when request.Verb != "delete":
                _rollouts.ReconcileStatus(request.Resource.Plural, ns, name);
                break;
            case ("", "pods") when request.Verb == "delete" && before is not null:
                ReplacePod(before);
                break;
        }
    }

    private static bool IsWrite(ApiRequest request) => request.Verb is "create" or "update" or "patch" or "delete";

    // The kubelet confirms the deletion, then the owner's controller creates a Ready replacement.
    private void ReplacePod(JsonObject deleted)
    {
        var key = new StoreKey("", "pods", deleted.Namespace(), deleted.Name());
        if (sandbox.Store.Exists(key))
        {
            try
            {
                sandbox.Store.Remove(key, dryRun: false);
            }
            catch (ApiException)
            {
                // Gone already.
            }
        }

        // A finished pod no longer counts for its controller, which replaced it when it finished.
        if (deleted.Obj("status").Str("phase") is "Failed" or "Succeeded")
        {
            return;
        }

        var owner = (deleted.Obj("metadata").Arr("ownerReferences") ?? []).OfType<JsonObject>().FirstOrDefault(o => o.Bool("controller"));
        var ownerPlural = owner.Str("kind") switch
        {
            "ReplicaSet" => "replicasets",
            "StatefulSet" => "statefulsets",
            "DaemonSet" => "daemonsets",
            _ => null,
        };
        if (owner is null || ownerPlural is null || !sandbox.Store.Exists(new StoreKey("apps", ownerPlural, deleted.Namespace(), owner.Str("name") ?? "")))
        {
            return;
        }

        var replacement = deleted.CloneObject();
        var metadata = replacement.Metadata();
        foreach (var field in new[] { "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields" })
        {
            metadata.Remove(field);
        }

        if (ownerPlural != "statefulsets")
        {
            var prefix = metadata.Str("generateName") is { Length: > 0 } generateName ? generateName : $"{owner.Str("name")}-";
            metadata["name"] = prefix + Names.RandomSuffix();
        }

        replacement["status"] = ReadyStatus(replacement, sandbox.Store.Now());
        try
        {
            sandbox.Store.Create(new StoreKey("", "pods", replacement.Namespace(), replacement.Name()), replacement, dryRun: false);
        }
        catch (ApiException)
        {
            // The name is taken (a random suffix collided, or a StatefulSet pod still exists): no replacement this time.
        }
    }

    private static JsonObject ReadyStatus(JsonObject pod, string now)
    {
        var statuses = new JsonArray();
        foreach (var container in (pod.Obj("spec").Arr("containers") ?? []).OfType<JsonObject>())
        {
            statuses.Add(new JsonObject
            {
                ["name"] = container.Str("name"),
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
                ["ready"] = true,
                ["restartCount"] = 0,
                ["image"] = container.Str("image"),
                ["imageID"] = "",
                ["started"] = true,
            });
        }

        var conditions = new JsonArray();
        foreach (var type in new[] { "Initialized", "Ready", "ContainersReady", "PodScheduled" })
        {
            conditions.Add(new JsonObject { ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = now });
        }

        var status = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = conditions,
            ["hostIP"] = pod.Obj("status").Str("hostIP"),
            ["podIP"] = pod.Obj("status").Str("podIP"),
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = pod.Obj("status").Str("qosClass") ?? "BestEffort",
        };
        foreach (var (name, value) in status.ToList())
        {
            if (value is null)
            {
                status.Remove(name);
            }
        }

        return status;
    }
}
