using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get daemonsets columns.
internal sealed class DaemonSetPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Desired", "The total number of nodes that should be running the daemon pod."),
        new("Current", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."),
        new("Ready", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready."),
        new("Up-to-date", "The total number of nodes that are running updated daemon pod"),
        new("Available", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
        new("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
        new("Selector", "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var status = obj.Obj("status");
        var containers = PrinterText.Containers(obj);
        return
        [
            obj.Name(),
            PrinterText.Int(status, "desiredNumberScheduled"),
            PrinterText.Int(status, "currentNumberScheduled"),
            PrinterText.Int(status, "numberReady"),
            PrinterText.Int(status, "updatedNumberScheduled"),
            PrinterText.Int(status, "numberAvailable"),
            SelectorText.FormatMap(obj.Obj("spec").Obj("template").Obj("spec").Obj("nodeSelector")),
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
            PrinterText.OrNone(SelectorText.Format(obj.Obj("spec").Obj("selector"))),
        ];
    }
}
