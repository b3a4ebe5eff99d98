using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Patching;

/// The patchMergeKey of list fields in the common builtin types (strategic merge patch and managedFields).
internal static class MergeKeys
{
    private static readonly Dictionary<string, string> s_byField = new()
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["env"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
        ["resourceClaims"] = "name",
        ["topologySpreadConstraints"] = "topologyKey",
        ["podIPs"] = "ip",
        ["addresses"] = "type",
    };

    // Primitive lists whose strategy is "merge": patches add to them instead of replacing.
    private static readonly HashSet<string> s_primitiveSets = ["finalizers"];

    /// <summary>The merge key for list <paramref name="field"/>, looking at an item to tell container ports from service ports.</summary>
    public static string? For(string field, JsonArray? sample)
    {
        if (field == "ports")
        {
            var first = sample?.OfType<JsonObject>().FirstOrDefault();
            return first is not null && first.ContainsKey("containerPort") ? "containerPort" : first is not null ? "port" : null;
        }

        return s_byField.GetValueOrDefault(field);
    }

    public static bool IsPrimitiveSet(string field) => s_primitiveSets.Contains(field);
}
