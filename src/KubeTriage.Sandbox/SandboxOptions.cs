using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox;

/// <summary>Input of the sandbox API server: plain Kubernetes objects, container logs and users.</summary>
public sealed class SandboxOptions
{
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
}
