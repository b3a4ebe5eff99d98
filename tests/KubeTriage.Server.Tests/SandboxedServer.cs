using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests;

/// <summary>
/// The real server on a loopback port over a sandbox serving one scenario; the server can be stopped and started again
/// on the same sandbox, as after a crash. The fixtures of this project build on it.
/// </summary>
internal sealed class SandboxedServer : IAsyncDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly ClusterConnections _clusters;
    private WebApplication? _app;

    private SandboxedServer(SandboxServer sandbox, ClusterConnections clusters, string workDirectory, string kubeconfigPath)
    {
        _sandbox = sandbox;
        _clusters = clusters;
        WorkDirectory = workDirectory;
        KubeconfigPath = kubeconfigPath;
    }

    /// <summary>Gets a private temporary directory for this server's files.</summary>
    public string WorkDirectory { get; }

    /// <summary>Gets the kubeconfig of the sandbox (admin, inline credentials).</summary>
    public string KubeconfigPath { get; }

    /// <summary>Gets the admin bearer token of the sandbox, to check it leaks nowhere.</summary>
    public string SandboxToken => _sandbox.AdminToken;

    /// <summary>Gets our client of the sandbox, to look at what the server changed.</summary>
    public IKubernetesClient Cluster => _clusters.Default;

    /// <summary>Gets the server's address while it runs.</summary>
    public Uri Address => new(_app?.Urls.First() ?? throw new InvalidOperationException("the server is not running"));

    public static async Task<SandboxedServer> StartSandboxAsync(string scenario, Func<SandboxOptions, SandboxOptions>? configure = null)
    {
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, scenario));
        var options = SandboxOptions.FromState(loaded.State);
        var sandbox = await SandboxServer.StartAsync(configure is null ? options : configure(options));
        var work = Directory.CreateTempSubdirectory("kt-server-").FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        sandbox.WriteKubeconfig(kubeconfig);
        return new SandboxedServer(sandbox, ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig)), work, kubeconfig);
    }

    /// <summary>Starts the server; <paramref name="services"/> registers test doubles before the host's own defaults.</summary>
    public async Task<Uri> StartServerAsync(ServerOptions options, Action<IServiceCollection> services)
    {
        _app = ServerHost.Build(options with { Port = 0 }, new Investigations.RegistryClusterAccess(_clusters), logging => services(logging.Services));
        await _app.StartAsync();
        return Address;
    }

    /// <summary>Stops the server the way a crash leaves state: whatever was stored stays, nothing more runs.</summary>
    public async Task StopServerAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        _clusters.Dispose();
        await _sandbox.DisposeAsync();
    }
}
