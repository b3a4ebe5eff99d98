using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get deployments columns.
internal sealed class DeploymentPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Ready", "Number of the pod with ready state"),
        new("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        new("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
        new("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var status = obj.Obj("status");
        var desired = spec?["replicas"] is null ? 1 : PrinterText.Int(spec, "replicas");
        var containers = PrinterText.Containers(obj);
        return
        [
            obj.Name(),
            $"{PrinterText.Int(status, "readyReplicas")}/{desired}",
            PrinterText.Int(status, "updatedReplicas"),
            PrinterText.Int(status, "availableReplicas"),
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
            PrinterText.OrNone(SelectorText.Format(spec.Obj("selector"))),
        ];
    }
}
