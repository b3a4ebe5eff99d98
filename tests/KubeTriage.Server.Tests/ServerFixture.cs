using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests;

/// <summary>The real server on a loopback port, investigating a sandbox that serves a broken scenario, engine only.</summary>
/// <remarks>The LLM is switched off explicitly so a provider key in the developer's environment cannot change the answers.</remarks>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-7c1e";

    private SandboxServer? _sandbox;
    private ClusterConnections? _clusters;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret"));
        _sandbox = await SandboxServer.StartAsync(SandboxOptions.FromState(loaded.State));
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-server-").FullName, "config");
        _sandbox.WriteKubeconfig(kubeconfig);
        _clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig));
        var data = Directory.CreateTempSubdirectory("kt-server-data-").FullName;
        _app = ServerHost.Build(new ServerOptions
        {
            Port = 0,
            ApiKeys = [ApiKey],
            MaxRequestBodyBytes = 64 * 1024,
            Store = new Storage.StoreOptions { DataDirectory = data },
        }, new Investigations.RegistryClusterAccess(_clusters), logging => logging.Services.AddSingleton(AI.Configuration.AgentSettings.None));
        await _app.StartAsync();
        var address = new Uri(_app.Urls.First());
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        Anonymous = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _clusters?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
