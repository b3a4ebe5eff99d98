using KubeTriage.Sandbox.Auth;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Logs;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Handlers;

/// The shared state every handler works on.
internal sealed class SandboxContext(ObjectStore store, ResourceCatalog catalog, LogStore logs, Authenticator authenticator, CancellationToken stopping, bool simulateControllers = false)
{
    public ObjectStore Store { get; } = store;

    public ResourceCatalog Catalog { get; } = catalog;

    public LogStore Logs { get; } = logs;

    public Authenticator Authenticator { get; } = authenticator;

    /// <summary>Signalled when the server stops, so open watches end.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Whether writes trigger the controller simulation (<see cref="SandboxOptions.SimulateControllers"/>).</summary>
    public bool SimulateControllers { get; } = simulateControllers;

    public DateTimeOffset Now => Store.Clock.GetUtcNow();
}
