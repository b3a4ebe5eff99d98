using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// Builds meta.k8s.io/v1 Tables (what kubectl get asks for) and PartialObjectMetadata views.
internal static class TableBuilder
{
    private static readonly Dictionary<string, IRowPrinter> s_printers = new()
    {
        ["pods"] = new PodPrinter(),
        ["deployments"] = new DeploymentPrinter(),
        ["replicasets"] = new ReplicaSetPrinter(),
        ["replicationcontrollers"] = new ReplicaSetPrinter(),
        ["statefulsets"] = new StatefulSetPrinter(),
        ["daemonsets"] = new DaemonSetPrinter(),
        ["services"] = new ServicePrinter(),
        ["nodes"] = new NodePrinter(),
        ["events"] = new EventPrinter(),
        ["jobs"] = new JobPrinter(),
        ["cronjobs"] = new CronJobPrinter(),
        ["configmaps"] = BuiltinPrinters.ConfigMap,
        ["secrets"] = BuiltinPrinters.Secret,
        ["namespaces"] = BuiltinPrinters.Namespace,
        ["persistentvolumeclaims"] = BuiltinPrinters.PersistentVolumeClaim,
        ["ingresses"] = BuiltinPrinters.Ingress,
    };

    private static readonly IRowPrinter s_generic = new SimplePrinter(SimplePrinter.Name, SimplePrinter.Age);

    /// <summary>Rows for stored-form objects (core/v1 form for events).</summary>
    public static JsonObject Build(ResourceInfo resource, IEnumerable<JsonObject> storedObjects, JsonObject listMetadata, string? includeObject, DateTimeOffset now, Func<JsonObject, JsonObject> toServed)
    {
        var printer = PrinterFor(resource);
        var rows = new JsonArray();
        foreach (var obj in storedObjects)
        {
            var row = new JsonObject { ["cells"] = new JsonArray(printer.Cells(obj, now).ToArray()) };
            switch (includeObject)
            {
                case "None":
                    break;
                case "Object":
                    row["object"] = toServed(obj);
                    break;
                default:
                    row["object"] = PartialMetadata(obj);
                    break;
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata,
            ["columnDefinitions"] = new JsonArray(printer.Columns.Select(c => (JsonNode)c.ToJson()).ToArray()),
            ["rows"] = rows,
        };
    }

    public static JsonObject PartialMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    private static IRowPrinter PrinterFor(ResourceInfo resource)
    {
        if (resource.IsCustom)
        {
            return resource.PrinterColumns is { Count: > 0 } columns ? new CustomColumnsPrinter(columns) : s_generic;
        }

        return resource.Group is "" or "apps" or "batch" or "networking.k8s.io" or "events.k8s.io" && s_printers.TryGetValue(resource.Plural, out var printer)
            ? printer
            : s_generic;
    }
}
