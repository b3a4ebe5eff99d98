using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds core/v1 Events in the three shapes a cluster holds: kubelet/controller (count, first/last timestamp) and scheduler (eventTime, series).</summary>
internal sealed class EventFactory(Ids ids, CaptureClock clock)
{
    private int _salt;

    /// <summary>The number of events built so far, to stop filling at the target.</summary>
    public int Built { get; private set; }

    public sealed record PodRef(string Namespace, string Name, string Uid, string? Node, string Container);

    public JsonObject Scheduled(PodRef pod, double ago) => SchedulerEvent(pod, "Binding", "Scheduled", "Normal",
        $"Successfully assigned {pod.Namespace}/{pod.Name} to {pod.Node}", ago, series: null);

    /// <summary>A FailedScheduling event as the scheduler writes it: eventTime plus a series once it repeats.</summary>
    public JsonObject FailedScheduling(PodRef pod, string message, double firstAgo, double lastAgo, int count)
        => SchedulerEvent(pod, "Scheduling", "FailedScheduling", "Warning", message, firstAgo,
            count > 1 ? new JsonObject { ["count"] = count, ["lastObservedTime"] = clock.AtMicro(lastAgo) } : null);

    public JsonObject Kubelet(PodRef pod, string reason, string message, string type = "Normal", int count = 1, double firstAgo = 60, double? lastAgo = null)
    {
        var involved = Involved("v1", "Pod", pod.Namespace, pod.Name, pod.Uid);
        involved.Insert(1, "fieldPath", $"spec.containers{{{pod.Container}}}");
        return Classic(involved, pod.Namespace, pod.Name, reason, message, type, count, firstAgo, lastAgo ?? firstAgo,
            "kubelet", pod.Node ?? "", new JsonObject { ["component"] = "kubelet", ["host"] = pod.Node });
    }

    public JsonObject Controller(string apiVersion, string kind, string ns, string name, string uid, string component, string reason, string message, double ago, string type = "Normal")
        => Classic(Involved(apiVersion, kind, ns, name, uid), ns, name, reason, message, type, 1, ago, ago, component, "",
            new JsonObject { ["component"] = component });

    private JsonObject Classic(JsonObject involved, string ns, string objectName, string reason, string message, string type, int count,
        double firstAgo, double lastAgo, string component, string instance, JsonObject source)
    {
        Built++;
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["count"] = count,
            ["eventTime"] = null,
            ["firstTimestamp"] = clock.At(firstAgo),
            ["involvedObject"] = involved,
            ["kind"] = "Event",
            ["lastTimestamp"] = clock.At(lastAgo),
            ["message"] = message,
            ["metadata"] = Metadata(ns, objectName, firstAgo),
            ["reason"] = reason,
            ["reportingComponent"] = component,
            ["reportingInstance"] = instance,
            ["source"] = source,
            ["type"] = type,
        };
    }

    private JsonObject SchedulerEvent(PodRef pod, string action, string reason, string type, string message, double ago, JsonObject? series)
    {
        Built++;
        var ev = new JsonObject
        {
            ["action"] = action,
            ["apiVersion"] = "v1",
            ["eventTime"] = clock.AtMicro(ago),
            ["firstTimestamp"] = null,
            ["involvedObject"] = Involved("v1", "Pod", pod.Namespace, pod.Name, pod.Uid),
            ["kind"] = "Event",
            ["lastTimestamp"] = null,
            ["message"] = message,
            ["metadata"] = Metadata(pod.Namespace, pod.Name, ago),
            ["reason"] = reason,
            ["reportingComponent"] = "default-scheduler",
            ["reportingInstance"] = "default-scheduler-ip-10-0-1-17",
        };
        if (series is not null)
        {
            ev["series"] = series;
        }

        ev["source"] = new JsonObject();
        ev["type"] = type;
        return ev;
    }

    private JsonObject Involved(string apiVersion, string kind, string ns, string name, string uid) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["namespace"] = ns,
        ["resourceVersion"] = ids.NextResourceVersion(),
        ["uid"] = uid,
    };

    private JsonObject Metadata(string ns, string objectName, double ago) => new()
    {
        ["creationTimestamp"] = clock.At(ago),
        ["name"] = $"{objectName}.{clock.EventSuffix(ago, ++_salt)}",
        ["namespace"] = ns,
        ["resourceVersion"] = ids.NextResourceVersion(),
        ["uid"] = ids.Uid(),
    };
}
