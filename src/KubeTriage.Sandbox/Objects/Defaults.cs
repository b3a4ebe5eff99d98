using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Objects;

/// The few server-side defaults clients rely on when they create objects through the sandbox.
internal static class Defaults
{
    public static void Apply(string resource, JsonObject obj)
    {
        switch (resource)
        {
            case "namespaces":
                obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] ??= new JsonObject { ["phase"] = "Active" };
                break;
            case "secrets":
                ConvertStringData(obj);
                obj["type"] ??= "Opaque";
                break;
            case "pods":
                obj["status"] ??= new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
        }
    }

    // stringData is write-only: the apiserver folds it into data, base64-encoded.
    private static void ConvertStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = secret.Obj("data") ?? new JsonObject();
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonHelpers.ScalarText(value) ?? ""));
        }

        if (data.Parent is null)
        {
            secret["data"] = data;
        }

        secret.Remove("stringData");
    }
}
