using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get replicasets (and replicationcontrollers) columns.
internal sealed class ReplicaSetPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Desired", "Replicas is the number of desired replicas."),
        new("Current", "Replicas is the most recently observed number of replicas."),
        new("Ready", "The number of ready replicas for this replica set."),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
        new("Selector", "Selector is a label query over pods that should match the replica count.", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var status = obj.Obj("status");
        var containers = PrinterText.Containers(obj);
        var selector = spec.Obj("selector");
        var selectorText = selector is not null && (selector.ContainsKey("matchLabels") || selector.ContainsKey("matchExpressions"))
            ? SelectorText.Format(selector)
            : SelectorText.FormatMap(selector);
        return
        [
            obj.Name(),
            spec?["replicas"] is null ? 1 : PrinterText.Int(spec, "replicas"),
            PrinterText.Int(status, "replicas"),
            PrinterText.Int(status, "readyReplicas"),
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
            PrinterText.OrNone(selectorText),
        ];
    }
}
