using System.Diagnostics;
using KubeTriage.Cli.Commands;
using KubeTriage.Sandbox;

namespace KubeTriage.Bench.Phases;

/// <summary>Serves the generated snapshot with the sandbox API server inside the bench process, as `kubetriage sandbox` would.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly SandboxServer _server;

    private SandboxHost(SandboxServer server, string kubeconfig, TimeSpan startup)
    {
        _server = server;
        Kubeconfig = kubeconfig;
        Startup = startup;
    }

    public string Kubeconfig { get; }

    /// <summary>Loading the snapshot and seeding the store: not part of the live figure, reported for context.</summary>
    public TimeSpan Startup { get; }

    public Uri Address => _server.BaseAddress;

    public static async Task<SandboxHost> StartAsync(string snapshot, string kubeconfig, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var (server, _) = await SandboxLauncher.StartAsync(snapshot, 0, ct);
        var startup = stopwatch.Elapsed;
        server.WriteKubeconfig(kubeconfig);

        // The loaded snapshot is garbage now; collect it so the server's own footprint is what stays resident.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new SandboxHost(server, kubeconfig, startup);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
