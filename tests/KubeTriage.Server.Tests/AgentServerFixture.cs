using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests;

/// <summary>The real server with the agents on: an OpenAI-compatible scripted model, and the sandbox as the live cluster.</summary>
public sealed class AgentServerFixture : IAsyncLifetime
{
    private SandboxServer? _sandbox;
    private ClusterConnections? _clusters;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    internal ScriptedLlm Llm { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Llm = await ScriptedLlm.StartAsync();
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret"));
        _sandbox = await SandboxServer.StartAsync(SandboxOptions.FromState(loaded.State));
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-agent-server-").FullName, "config");
        _sandbox.WriteKubeconfig(kubeconfig);
        _clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig));
        var settings = new AgentSettings
        {
            Provider = new ProviderConfiguration
            {
                Provider = ProviderKind.OpenAI,
                ApiKey = "sk-test-not-real",
                Endpoint = Llm.BaseUrl,
                CoordinatorModel = ScriptedLlm.StrongModel,
                CollectorModel = ScriptedLlm.CheapModel,
            },
            Prices = new PriceTable()
                .Set(ScriptedLlm.StrongModel, new ModelPrice(2m, 8m, 0m, 0.5m))
                .Set(ScriptedLlm.CheapModel, new ModelPrice(0.4m, 1.6m, 0m, 0.1m)),
        };
        _app = ServerHost.Build(
            new ServerOptions { Port = 0, Store = new Storage.StoreOptions { DataDirectory = Directory.CreateTempSubdirectory("kt-agent-data-").FullName } },
            new Investigations.RegistryClusterAccess(_clusters),
            logging => logging.Services.AddSingleton(settings));
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
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

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }
    }
}
