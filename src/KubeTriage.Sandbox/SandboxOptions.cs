using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox;

/// <summary>Input of the sandbox API server: plain Kubernetes objects, container logs and users.</summary>
public sealed record SandboxOptions
{
    /// <summary>Returns options serving a loaded snapshot: its objects and container logs (set the rest with <c>with</c>).</summary>
    public static SandboxOptions FromState(Core.Model.ClusterState state) => new()
    {
        Objects = [.. state.All.Select(o => o.ToJsonObject())],
        Logs = [.. state.Logs.Select(l => new SandboxLog(l.Namespace, l.Pod, l.Container, l.Previous, l.Text))],
    };

    /// <summary>Objects as <c>kubectl get -o json</c> prints them (kind, apiVersion, metadata...), list items already flattened.</summary>
    public IReadOnlyList<JsonObject> Objects { get; init; } = [];

    /// <summary>Container logs served by <c>pods/log</c>.</summary>
    public IReadOnlyList<SandboxLog> Logs { get; init; } = [];

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Bearer-token users; null creates a single admin in <c>system:masters</c> with a random token.</summary>
    public IReadOnlyList<SandboxUser>? Users { get; init; }

    /// <summary>Clock for timestamps and ages; null uses the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Gets whether the sandbox stands in for the controllers and kubelet after writes (off by default: like the
    /// recorded server, nothing reconciles).
    /// </summary>
    /// <remarks>
    /// When on, right after a write that is not a dry run: a Deployment, StatefulSet, DaemonSet or ReplicaSet whose spec
    /// changed reports its rollout as finished (observedGeneration, updated/ready/available replicas); a Deployment
    /// template change moves to a ReplicaSet with the next <c>deployment.kubernetes.io/revision</c> (an existing one with
    /// the same template, as on a rollback, or a new one); a deleted controller-owned pod disappears at once and a Ready
    /// replacement (new name and uid; a StatefulSet pod keeps its name) takes its place. No pods are created for scaling.
    /// </remarks>
    public bool SimulateControllers { get; init; }
}
