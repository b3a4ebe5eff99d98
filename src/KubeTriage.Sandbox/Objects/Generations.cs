using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Objects;

/// metadata.generation: set to 1 on create and bumped on spec changes for the kinds that track it.
internal static class Generations
{
    private static readonly HashSet<string> s_tracked =
    [
        "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers",
        "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses", "networkpolicies", "customresourcedefinitions",
        "gateways", "gatewayclasses", "httproutes", "grpcroutes",
    ];

    public static bool Tracks(ResourceInfo resource) => resource.IsCustom || s_tracked.Contains(resource.Plural);

    public static void OnCreate(ResourceInfo resource, JsonObject obj)
    {
        if (Tracks(resource))
        {
            obj.Metadata()["generation"] = 1;
        }
    }

    public static void OnUpdate(ResourceInfo resource, JsonObject before, JsonObject after)
    {
        var metadata = after.Metadata();
        var previous = before.Obj("metadata").Long("generation");
        if (!Tracks(resource))
        {
            metadata.Remove("generation");
            if (previous is not null)
            {
                metadata["generation"] = previous;
            }

            return;
        }

        var generation = previous ?? 1;
        if (SpecChanged(resource, before, after))
        {
            generation++;
        }

        metadata["generation"] = generation;
    }

    private static bool SpecChanged(ResourceInfo resource, JsonObject before, JsonObject after)
    {
        if (resource.IsCustom)
        {
            return !JsonNode.DeepEquals(WithoutMetadataAndStatus(before), WithoutMetadataAndStatus(after));
        }

        // The Deployment strategy also counts annotation changes (recorded: generation 5 after an annotation-only apply).
        var annotationsCount = resource.Plural == "deployments"
            && !JsonNode.DeepEquals(before.Obj("metadata")?["annotations"], after.Obj("metadata")?["annotations"]);
        return annotationsCount || !JsonNode.DeepEquals(before["spec"], after["spec"]);
    }

    private static JsonObject WithoutMetadataAndStatus(JsonObject obj)
    {
        var copy = obj.CloneObject();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }
}
