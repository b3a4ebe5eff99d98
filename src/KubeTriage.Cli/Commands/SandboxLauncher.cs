using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Sandbox;

namespace KubeTriage.Cli.Commands;

/// <summary>Loads a snapshot and serves it with the sandbox API server.</summary>
internal static class SandboxLauncher
{
    public static async Task<(SandboxServer Server, SnapshotLoadResult Snapshot)> StartAsync(string directory, int port, CancellationToken ct, bool simulateControllers = false)
    {
        var loaded = ClusterInput.LoadSnapshot(directory);

        // The sandbox owns and mutates its copy; the snapshot stays as read.
        var options = SandboxOptions.FromState(loaded.State) with { Port = port, SimulateControllers = simulateControllers };
        try
        {
            return (await SandboxServer.StartAsync(options, ct), loaded);
        }
        catch (IOException ex)
        {
            throw new CliException(ExitCodes.Usage, $"cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }
    }
}
