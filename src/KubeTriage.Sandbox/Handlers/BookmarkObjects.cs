using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;

namespace KubeTriage.Sandbox.Handlers;

/// The empty object a BOOKMARK event carries: the Go zero value of the kind with only a resourceVersion.
internal static class BookmarkObjects
{
    public static JsonObject For(ResourceInfo resource, string resourceVersion)
    {
        if (resource.IsCustom)
        {
            return new JsonObject
            {
                ["apiVersion"] = resource.ApiVersion,
                ["kind"] = resource.Kind,
                ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            };
        }

        var obj = new JsonObject
        {
            ["kind"] = resource.Kind,
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion, ["creationTimestamp"] = null },
        };
        switch (resource.Kind)
        {
            case "Pod":
                obj["spec"] = new JsonObject { ["containers"] = null };
                obj["status"] = new JsonObject();
                break;
            case "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job":
                obj["spec"] = new JsonObject
                {
                    ["selector"] = null,
                    ["template"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
                        ["spec"] = new JsonObject { ["containers"] = null },
                    },
                };
                obj["status"] = new JsonObject();
                break;
        }

        return obj;
    }
}
