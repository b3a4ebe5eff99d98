using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Objects;

/// Puts keys in the order the apiserver emits them: Go struct order for builtin kinds (with
/// sorted maps), fully sorted keys for unstructured custom resources.
internal static class ObjectLayout
{
    private static readonly string[] s_topLevel = ["kind", "apiVersion", "metadata"];

    private static readonly string[] s_metadata =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    private static readonly HashSet<string> s_builtinGroups =
    [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "events.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
        "scheduling.k8s.io", "apiregistration.k8s.io", "certificates.k8s.io", "node.k8s.io", "authentication.k8s.io",
        "authorization.k8s.io", "flowcontrol.apiserver.k8s.io",
    ];

    public static bool IsBuiltinGroup(string group) => s_builtinGroups.Contains(group);

    public static string GroupOf(string? apiVersion) =>
        apiVersion is not null && apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";

    public static void Normalize(JsonObject obj)
    {
        if (!IsBuiltinGroup(GroupOf(obj.Str("apiVersion"))))
        {
            JsonHelpers.SortKeys(obj, recursive: true);
            return;
        }

        JsonHelpers.Reorder(obj, s_topLevel);
        if (obj["status"] is { } status)
        {
            // Go structs declare status last.
            obj.Remove("status");
            obj["status"] = status;
        }

        if (obj["metadata"] is JsonObject metadata)
        {
            JsonHelpers.Reorder(metadata, s_metadata);
            SortMap(metadata, "labels");
            SortMap(metadata, "annotations");
        }

        if (obj.Str("kind") is "ConfigMap" or "Secret")
        {
            SortMap(obj, "data");
            SortMap(obj, "binaryData");
        }
    }

    private static void SortMap(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject map)
        {
            JsonHelpers.SortKeys(map, recursive: false);
        }
    }
}
