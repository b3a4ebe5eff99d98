using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Actions;

/// <summary>A Deployment's revisions: the ReplicaSets it controls, by their <c>deployment.kubernetes.io/revision</c> annotation.</summary>
internal static class DeploymentHistory
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string HashLabel = "pod-template-hash";

    /// <summary>Returns the owned ReplicaSets with a revision, newest first.</summary>
    public static List<(long Revision, JsonObject ReplicaSet)> Revisions(string deploymentUid, IEnumerable<JsonObject> replicaSets)
        => [.. replicaSets
            .Where(rs => rs.ControllerRef()?.Str("uid") == deploymentUid)
            .Select(rs => (Revision: Revision(rs), ReplicaSet: rs))
            .Where(r => r.Revision is not null)
            .Select(r => (r.Revision!.Value, r.ReplicaSet))
            .OrderByDescending(r => r.Item1)];

    public static long? Revision(JsonObject replicaSet)
        => long.TryParse(replicaSet.Map("metadata.annotations").GetValueOrDefault(RevisionAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    /// <summary>Returns a pod template without its pod-template-hash label, for comparison or for restoring it.</summary>
    public static JsonObject WithoutHash(JsonObject template)
    {
        var copy = (JsonObject)template.DeepClone();
        if (copy["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labels)
        {
            labels.Remove(HashLabel);
        }

        return copy;
    }

    /// <summary>Compares templates as the deployment controller's EqualIgnoreHash does.</summary>
    public static bool SameTemplate(JsonObject a, JsonObject b)
    {
        var left = WithoutHash(a);
        var right = WithoutHash(b);
        foreach (var template in new[] { left, right })
        {
            if (template["metadata"] is JsonObject metadata)
            {
                // Snapshots carry creationTimestamp: null in templates; an empty labels map equals none.
                metadata.Remove("creationTimestamp");
                if (metadata["labels"] is JsonObject { Count: 0 })
                {
                    metadata.Remove("labels");
                }
            }
        }

        return JsonNode.DeepEquals(Sorted(left), Sorted(right));
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
