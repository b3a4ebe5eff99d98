using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Selectors;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get jobs columns.
internal sealed class JobPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Completions", "The desired number of successfully finished pods the job should be run with."),
        new("Duration", "Time required to complete the job."),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
        TableColumn.PodSelectorColumn,
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var status = obj.Obj("status");
        var succeeded = PrinterText.Int(status, "succeeded");
        var parallelism = spec?["parallelism"] is null ? 1 : PrinterText.Int(spec, "parallelism");
        var completions = spec?["completions"] is not null ? $"{succeeded}/{PrinterText.Int(spec, "completions")}"
            : parallelism > 1 ? $"{succeeded}/1 of {parallelism}"
            : $"{succeeded}/1";

        var start = Timestamps.Parse(status.Str("startTime"));
        var end = Timestamps.Parse(status.Str("completionTime"));
        var duration = start is null ? "" : HumanDuration.Format((end ?? now) - start.Value);
        var containers = PrinterText.Containers(obj);
        return
        [
            obj.Name(),
            completions,
            duration,
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
            PrinterText.OrNone(SelectorText.Format(spec.Obj("selector"))),
        ];
    }
}
