using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get statefulsets columns.
internal sealed class StatefulSetPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Ready", "Number of the pod with ready state"),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var containers = PrinterText.Containers(obj);
        var desired = spec?["replicas"] is null ? 1 : PrinterText.Int(spec, "replicas");
        return
        [
            obj.Name(),
            $"{PrinterText.Int(obj.Obj("status"), "readyReplicas")}/{desired}",
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
        ];
    }
}
