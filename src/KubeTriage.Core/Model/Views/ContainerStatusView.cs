using System.Text.Json;

namespace KubeTriage.Core.Model.Views;

/// <summary>A typed view of one entry of status.containerStatuses or initContainerStatuses.</summary>
public sealed class ContainerStatusView(JsonElement raw, bool isInit)
{
    /// <summary>Gets the container name.</summary>
    public string Name => raw.Str("name") ?? "";

    /// <summary>Gets whether this is an init container.</summary>
    public bool IsInit { get; } = isInit;

    /// <summary>Gets whether the container passes its readiness probe.</summary>
    public bool Ready => raw.Bool("ready") == true;

    /// <summary>Gets how often the kubelet restarted the container.</summary>
    public long RestartCount => raw.Long("restartCount") ?? 0;

    /// <summary>Gets the image the container runs.</summary>
    public string Image => raw.Str("image") ?? "";

    /// <summary>Gets state.waiting.reason, when waiting.</summary>
    public string? WaitingReason => raw.Str("state.waiting.reason");

    /// <summary>Gets state.waiting.message, when waiting.</summary>
    public string? WaitingMessage => raw.Str("state.waiting.message");

    /// <summary>Gets whether the container is running now.</summary>
    public bool Running => raw.At("state.running").Exists();

    /// <summary>Gets when the running instance started.</summary>
    public DateTimeOffset? RunningSince => raw.Time("state.running.startedAt");

    /// <summary>Gets the current termination (state.terminated), if any.</summary>
    public Termination? Terminated => Termination.From(raw.At("state.terminated"));

    /// <summary>Gets the previous termination (lastState.terminated), if any.</summary>
    public Termination? LastTerminated => Termination.From(raw.At("lastState.terminated"));
}

/// <summary>A container termination record.</summary>
public sealed record Termination(string? Reason, long ExitCode, string? Message, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? Signal)
{
    /// <summary>Reads a terminated state object.</summary>
    public static Termination? From(JsonElement raw) => raw.ValueKind != JsonValueKind.Object
        ? null
        : new Termination(raw.Str("reason"), raw.Long("exitCode") ?? 0, raw.Str("message"), raw.Time("startedAt"), raw.Time("finishedAt"), raw.Long("signal"));

    /// <summary>Renders the record as kubectl describe shows it.</summary>
    public string Describe() => $"Terminated: reason {Reason ?? "unknown"}, exit code {ExitCode}"
        + (FinishedAt is { } f ? $", finished {f:yyyy-MM-ddTHH:mm:ssZ}" : "")
        + (string.IsNullOrWhiteSpace(Message) ? "" : $", message: {Message.Trim()}");
}
