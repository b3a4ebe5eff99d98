using System.Globalization;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;

namespace KubeTriage.Sandbox.Tables;

/// The pod columns of kubectl get pods, with the printer's status and restart logic.
internal sealed class PodPrinter : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.NameColumn,
        new("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        new("Status", "The aggregate status of the containers in this pod."),
        new("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        TableColumn.AgeColumn,
        new("IP", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
        new("Node", "NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.", 1),
        new("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.", 1),
        new("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates", 1),
    ];

    public IEnumerable<JsonNode?> Cells(JsonObject pod, DateTimeOffset now)
    {
        var spec = pod.Obj("spec");
        var status = pod.Obj("status");
        var total = spec.Arr("containers")?.Count ?? 0;
        var ready = 0;
        long restarts = 0;
        DateTimeOffset? lastRestart = null;
        var reason = status.Str("reason") ?? status.Str("phase") ?? "";

        void NoteRestart(JsonObject? container)
        {
            var finished = Timestamps.Parse(container.Obj("lastState").Obj("terminated").Str("finishedAt"));
            if (finished is not null && (lastRestart is null || finished > lastRestart))
            {
                lastRestart = finished;
            }
        }

        var initializing = false;
        var initStatuses = status.Arr("initContainerStatuses") ?? [];
        var initCount = spec.Arr("initContainers")?.Count ?? 0;
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i] as JsonObject;
            restarts += PrinterText.Int(container, "restartCount");
            NoteRestart(container);
            var terminated = container.Obj("state").Obj("terminated");
            var waiting = container.Obj("state").Obj("waiting");
            if (terminated is not null && PrinterText.Int(terminated, "exitCode") == 0)
            {
                continue;
            }

            initializing = true;
            if (terminated is not null)
            {
                reason = terminated.Str("reason") is { Length: > 0 } r ? "Init:" + r
                    : PrinterText.Int(terminated, "signal") != 0 ? $"Init:Signal:{PrinterText.Int(terminated, "signal")}"
                    : $"Init:ExitCode:{PrinterText.Int(terminated, "exitCode")}";
            }
            else if (waiting.Str("reason") is { Length: > 0 } w && w != "PodInitializing")
            {
                reason = "Init:" + w;
            }
            else
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"Init:{i}/{initCount}");
            }

            break;
        }

        if (!initializing)
        {
            restarts = 0;
            var hasRunning = false;
            var statuses = status.Arr("containerStatuses") ?? [];
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i] as JsonObject;
                restarts += PrinterText.Int(container, "restartCount");
                NoteRestart(container);
                var state = container.Obj("state");
                if (state.Obj("waiting").Str("reason") is { Length: > 0 } waiting)
                {
                    reason = waiting;
                }
                else if (state.Obj("terminated") is { } terminated)
                {
                    reason = terminated.Str("reason") is { Length: > 0 } r ? r
                        : PrinterText.Int(terminated, "signal") != 0 ? $"Signal:{PrinterText.Int(terminated, "signal")}"
                        : $"ExitCode:{PrinterText.Int(terminated, "exitCode")}";
                }
                else if (container.Bool("ready") && state?["running"] is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = HasReadyCondition(status) ? "Running" : "NotReady";
            }
        }

        if (pod.Obj("metadata")?["deletionTimestamp"] is not null)
        {
            reason = status.Str("reason") == "NodeLost" ? "Unknown" : "Terminating";
        }

        var restartText = restarts.ToString(CultureInfo.InvariantCulture);
        if (lastRestart is not null)
        {
            restartText = $"{restarts} ({HumanDuration.Format(now - lastRestart.Value)} ago)";
        }

        var podIp = status.Arr("podIPs")?.FirstOrDefault().Str("ip") ?? status.Str("podIP");
        return
        [
            pod.Name(),
            $"{ready}/{total}",
            reason,
            restartText,
            HumanDuration.Since(pod.Obj("metadata").Str("creationTimestamp"), now),
            PrinterText.OrNone(podIp),
            PrinterText.OrNone(spec.Str("nodeName")),
            PrinterText.OrNone(status.Str("nominatedNodeName")),
            ReadinessGates(spec, status),
        ];
    }

    private static bool HasReadyCondition(JsonObject? status) =>
        (status.Arr("conditions") ?? []).Any(c => c.Str("type") == "Ready" && c.Str("status") == "True");

    private static string ReadinessGates(JsonObject? spec, JsonObject? status)
    {
        var gates = spec.Arr("readinessGates");
        if (gates is null || gates.Count == 0)
        {
            return PrinterText.None;
        }

        var conditions = status.Arr("conditions") ?? [];
        var trueCount = gates.Count(g => conditions.Any(c => c.Str("type") == g.Str("conditionType") && c.Str("status") == "True"));
        return $"{trueCount}/{gates.Count}";
    }
}
