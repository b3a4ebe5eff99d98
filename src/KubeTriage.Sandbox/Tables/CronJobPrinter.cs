using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get cronjobs columns.
internal sealed class CronJobPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
        new("Suspend", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."),
        new("Active", "A list of pointers to currently running jobs."),
        new("Last Schedule", "Information when was the last time the job was successfully scheduled."),
        TableColumn.AgeColumn,
        TableColumn.ContainersColumn,
        TableColumn.ImagesColumn,
        TableColumn.PodSelectorColumn,
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj.Obj("spec");
        var status = obj.Obj("status");
        var last = status.Str("lastScheduleTime") is { } time ? HumanDuration.Since(time, now) : PrinterText.None;
        var containers = PrinterText.Containers(obj, "spec.jobTemplate.spec.template.spec");
        return
        [
            obj.Name(),
            spec.Str("schedule") ?? "",
            spec.Bool("suspend") ? "True" : "False",
            (long)(status.Arr("active")?.Count ?? 0),
            last,
            HumanDuration.Since(obj.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.Names(containers),
            PrinterText.Images(containers),
            PrinterText.None,
        ];
    }
}
