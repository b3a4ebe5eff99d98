using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Tables;

/// kubectl get events columns (core/v1 Event form).
internal sealed class EventPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        new("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        new("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        new("Object", "The object that this event is about."),
        new("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.", 1),
        new("Source", "The component reporting this event. Should be a short machine understandable string.", 1),
        new("Message", "A human-readable description of the status of this operation."),
        new("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
        new("Count", "The number of times this event has occurred.", 1),
        new("Name", TableColumn.NameDescription, 1, "name"),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject e, DateTimeOffset now)
    {
        var first = e.Str("firstTimestamp") is { } firstTime ? HumanDuration.Since(firstTime, now) : HumanDuration.Since(e.Str("eventTime"), now);
        var last = e.Str("lastTimestamp") is { } lastTime ? HumanDuration.Since(lastTime, now) : first;
        var count = e.Long("count") ?? 0;
        if (e.Obj("series") is { } series)
        {
            last = HumanDuration.Since(series.Str("lastObservedTime"), now);
            count = series.Long("count") ?? count;
        }
        else if (count == 0)
        {
            count = 1;
        }

        var involved = e.Obj("involvedObject");
        var kind = (involved.Str("kind") ?? "").ToLowerInvariant();
        var target = string.IsNullOrEmpty(involved.Str("name")) ? kind : $"{kind}/{involved.Str("name")}";
        return
        [
            last,
            e.Str("type") ?? "",
            e.Str("reason") ?? "",
            target,
            involved.Str("fieldPath") ?? "",
            Source(e),
            (e.Str("message") ?? "").Trim(),
            first,
            count,
            e.Name(),
        ];
    }

    private static string Source(JsonObject e)
    {
        var component = e.Obj("source").Str("component");
        var host = e.Obj("source").Str("host");
        if (string.IsNullOrEmpty(component))
        {
            component = e.Str("reportingComponent");
            host = e.Str("reportingInstance");
        }

        return string.IsNullOrEmpty(host) ? component ?? "" : $"{component}, {host}";
    }
}
