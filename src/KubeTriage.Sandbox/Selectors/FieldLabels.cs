using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Selectors;

/// The field labels each resource supports in field selectors, and how to read them from an object.
internal static class FieldLabels
{
    private static readonly Dictionary<string, Func<JsonObject, string?>> s_common = new()
    {
        ["metadata.name"] = o => o.Name(),
        ["metadata.namespace"] = o => o.Namespace(),
    };

    private static readonly Dictionary<string, Dictionary<string, Func<JsonObject, string?>>> s_byResource = new()
    {
        ["pods"] = new()
        {
            ["spec.nodeName"] = o => o.Obj("spec").Str("nodeName") ?? "",
            ["spec.restartPolicy"] = o => o.Obj("spec").Str("restartPolicy") ?? "",
            ["spec.schedulerName"] = o => o.Obj("spec").Str("schedulerName") ?? "",
            ["spec.serviceAccountName"] = o => o.Obj("spec").Str("serviceAccountName") ?? "",
            ["spec.hostNetwork"] = o => o.Obj("spec").Bool("hostNetwork") ? "true" : "false",
            ["status.phase"] = o => o.Obj("status").Str("phase") ?? "",
            ["status.podIP"] = o => o.Obj("status").Str("podIP") ?? "",
            ["status.nominatedNodeName"] = o => o.Obj("status").Str("nominatedNodeName") ?? "",
        },
        ["events"] = new()
        {
            ["involvedObject.kind"] = o => o.Obj("involvedObject").Str("kind") ?? "",
            ["involvedObject.namespace"] = o => o.Obj("involvedObject").Str("namespace") ?? "",
            ["involvedObject.name"] = o => o.Obj("involvedObject").Str("name") ?? "",
            ["involvedObject.uid"] = o => o.Obj("involvedObject").Str("uid") ?? "",
            ["involvedObject.apiVersion"] = o => o.Obj("involvedObject").Str("apiVersion") ?? "",
            ["involvedObject.resourceVersion"] = o => o.Obj("involvedObject").Str("resourceVersion") ?? "",
            ["involvedObject.fieldPath"] = o => o.Obj("involvedObject").Str("fieldPath") ?? "",
            ["reason"] = o => o.Str("reason") ?? "",
            ["reportingComponent"] = o => o.Str("reportingComponent") ?? "",
            ["source"] = o => o.Obj("source").Str("component") ?? "",
            ["type"] = o => o.Str("type") ?? "",
        },
        ["secrets"] = new() { ["type"] = o => o.Str("type") ?? "" },
        ["nodes"] = new() { ["spec.unschedulable"] = o => o.Obj("spec").Bool("unschedulable") ? "true" : "false" },
        ["namespaces"] = new() { ["status.phase"] = o => o.Obj("status").Str("phase") ?? "" },
        ["replicasets"] = new() { ["status.replicas"] = o => JsonHelpers.ScalarText(o.Obj("status")?["replicas"]) ?? "0" },
        ["replicationcontrollers"] = new() { ["status.replicas"] = o => JsonHelpers.ScalarText(o.Obj("status")?["replicas"]) ?? "0" },
        ["jobs"] = new() { ["status.successful"] = o => JsonHelpers.ScalarText(o.Obj("status")?["succeeded"]) ?? "0" },
    };

    public static Func<JsonObject, string?>? Reader(string resource, string field)
    {
        if (s_common.TryGetValue(field, out var common))
        {
            return common;
        }

        return s_byResource.TryGetValue(resource, out var fields) && fields.TryGetValue(field, out var reader) ? reader : null;
    }
}
