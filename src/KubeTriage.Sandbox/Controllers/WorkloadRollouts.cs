using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Controllers;

/// The deployment, replicaset, statefulset and daemonset controllers, reduced to their end state: a finished rollout.
internal sealed class WorkloadRollouts(ObjectStore store)
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string HashLabel = "pod-template-hash";

    public void ReconcileDeployment(string ns, string name)
    {
        var key = new StoreKey("apps", "deployments", ns, name);
        var deployment = store.Get(key);
        if (deployment is null || deployment.Obj("metadata")?["deletionTimestamp"] is not null)
        {
            return;
        }

        var uid = deployment.Obj("metadata").Str("uid");
        var replicas = deployment.Obj("spec").Long("replicas") ?? 1;
        var template = deployment.Obj("spec").Obj("template") ?? new JsonObject();
        var owned = store.List("apps", "replicasets", ns).Range
            .Select(i => i.Object)
            .Where(rs => (rs.Obj("metadata").Arr("ownerReferences") ?? []).Any(o => o.Str("uid") == uid && o.Bool("controller")))
            .ToList();
        var maxRevision = owned.Select(Revision).DefaultIfEmpty(0).Max();
        var current = owned.FirstOrDefault(rs => SameTemplate(rs.Obj("spec").Obj("template"), template));
        long revision;
        string currentName;
        if (current is null)
        {
            revision = maxRevision + 1;
            var created = NewReplicaSet(deployment, template, replicas, revision);
            currentName = created.Name();
            store.Create(new StoreKey("apps", "replicasets", ns, currentName), created, dryRun: false);
        }
        else
        {
            // A rollback reuses the matching old ReplicaSet, which becomes the newest revision.
            revision = Revision(current) == maxRevision ? maxRevision : maxRevision + 1;
            currentName = current.Name();
            UpdateReplicaSet(ns, currentName, replicas, revision);
        }

        foreach (var old in owned.Where(rs => rs.Name() != currentName && (rs.Obj("spec").Long("replicas") ?? 0) != 0))
        {
            UpdateReplicaSet(ns, old.Name(), 0, null);
        }

        Update(key, obj =>
        {
            var annotations = obj.Metadata().Obj("annotations") ?? new JsonObject();
            annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
            obj.Metadata()["annotations"] = annotations;
            var status = obj.Obj("status") ?? new JsonObject();
            status.Remove("unavailableReplicas");
            status["replicas"] = replicas;
            status["updatedReplicas"] = replicas;
            status["readyReplicas"] = replicas;
            status["availableReplicas"] = replicas;
            status["conditions"] = new JsonArray(
                Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."),
                Condition("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{currentName}\" has successfully progressed."));
            obj["status"] = status;
        });
    }

    public void ReconcileStatus(string plural, string ns, string name)
    {
        var key = new StoreKey("apps", plural, ns, name);
        if (store.Get(key) is not { } workload || workload.Obj("metadata")?["deletionTimestamp"] is not null)
        {
            return;
        }

        Update(key, obj =>
        {
            var replicas = obj.Obj("spec").Long("replicas") ?? 1;
            var status = obj.Obj("status") ?? new JsonObject();
            switch (plural)
            {
                case "statefulsets":
                    var revision = $"{name}-{Names.TemplateHash(obj.Obj("spec")?["template"]?.ToJsonString() ?? "")}";
                    status["replicas"] = replicas;
                    status["readyReplicas"] = replicas;
                    status["currentReplicas"] = replicas;
                    status["updatedReplicas"] = replicas;
                    status["availableReplicas"] = replicas;
                    status["currentRevision"] = revision;
                    status["updateRevision"] = revision;
                    break;
                case "daemonsets":
                    var desired = status.Long("desiredNumberScheduled") ?? 1;
                    status["currentNumberScheduled"] = desired;
                    status["desiredNumberScheduled"] = desired;
                    status["numberReady"] = desired;
                    status["numberAvailable"] = desired;
                    status["updatedNumberScheduled"] = desired;
                    status.Remove("numberUnavailable");
                    status["numberMisscheduled"] = 0;
                    break;
                default:
                    SetReplicaSetStatus(status, replicas);
                    break;
            }

            obj["status"] = status;
        });
    }

    private void UpdateReplicaSet(string ns, string name, long replicas, long? revision) =>
        Update(new StoreKey("apps", "replicasets", ns, name), rs =>
        {
            rs.Obj("spec")!["replicas"] = replicas;
            if (revision is { } value)
            {
                var annotations = rs.Metadata().Obj("annotations") ?? new JsonObject();
                annotations[RevisionAnnotation] = value.ToString(CultureInfo.InvariantCulture);
                rs.Metadata()["annotations"] = annotations;
            }

            var status = rs.Obj("status") ?? new JsonObject();
            SetReplicaSetStatus(status, replicas);
            rs["status"] = status;
        });

    // A controller's write: generation follows spec changes (and Deployment annotations, as the strategy does),
    // and the controller has observed it.
    private void Update(StoreKey key, Action<JsonObject> change) =>
        store.Update(
            key,
            current =>
            {
                var next = current.CloneObject();
                change(next);
                var generation = current.Obj("metadata").Long("generation") ?? 1;
                var annotationsChanged = key.Resource == "deployments"
                    && !JsonNode.DeepEquals(current.Obj("metadata")?["annotations"], next.Obj("metadata")?["annotations"]);
                if (annotationsChanged || !JsonNode.DeepEquals(current["spec"], next["spec"]))
                {
                    generation++;
                }

                next.Metadata()["generation"] = generation;
                if (next["status"] is JsonObject status)
                {
                    status["observedGeneration"] = generation;
                }

                return next;
            },
            dryRun: false);

    private JsonObject NewReplicaSet(JsonObject deployment, JsonObject template, long replicas, long revision)
    {
        var hash = Names.TemplateHash(Comparable(template).ToJsonString());
        var podTemplate = template.CloneObject();
        var templateMetadata = podTemplate.Metadata();
        var labels = templateMetadata.Obj("labels")?.CloneObject() ?? new JsonObject();
        labels[HashLabel] = hash;
        templateMetadata["labels"] = labels;
        var selector = deployment.Obj("spec").Obj("selector")?.CloneObject() ?? new JsonObject();
        var matchLabels = selector.Obj("matchLabels") ?? new JsonObject();
        matchLabels[HashLabel] = hash;
        selector["matchLabels"] = matchLabels;
        var metadata = deployment.Obj("metadata")!;
        var status = new JsonObject();
        SetReplicaSetStatus(status, replicas);
        status["observedGeneration"] = 1;
        var replicaSet = new JsonObject
        {
            ["kind"] = "ReplicaSet",
            ["apiVersion"] = "apps/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{deployment.Name()}-{hash}",
                ["namespace"] = deployment.Namespace(),
                ["generation"] = 1,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject
                {
                    ["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/max-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                    [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["name"] = deployment.Name(),
                    ["uid"] = metadata.Str("uid"),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = podTemplate },
            ["status"] = status,
        };
        ObjectLayout.Normalize(replicaSet);
        return replicaSet;
    }

    private static void SetReplicaSetStatus(JsonObject status, long replicas)
    {
        status["replicas"] = replicas;
        status["fullyLabeledReplicas"] = replicas;
        status["readyReplicas"] = replicas;
        status["availableReplicas"] = replicas;
    }

    private static JsonObject Condition(string type, string status, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static long Revision(JsonObject replicaSet) =>
        long.TryParse(replicaSet.Obj("metadata").Obj("annotations").Str(RevisionAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    // As the deployment controller's EqualIgnoreHash: templates match when only pod-template-hash differs.
    private static bool SameTemplate(JsonObject? replicaSetTemplate, JsonObject deploymentTemplate)
        => replicaSetTemplate is not null && JsonNode.DeepEquals(Comparable(replicaSetTemplate), Comparable(deploymentTemplate));

    private static JsonObject Comparable(JsonObject template)
    {
        var copy = template.CloneObject();
        var metadata = copy.Metadata();
        metadata.Obj("labels")?.Remove(HashLabel);
        if (metadata.Obj("labels") is { Count: 0 })
        {
            metadata.Remove("labels");
        }

        // Snapshots carry creationTimestamp: null in templates; the field means nothing there.
        metadata.Remove("creationTimestamp");
        JsonHelpers.SortKeys(copy, recursive: true);
        return copy;
    }
}
