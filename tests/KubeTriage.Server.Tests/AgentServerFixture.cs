using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests;

/// <summary>The real server with the agents on: an OpenAI-compatible scripted model, and the sandbox as the live cluster.</summary>
public sealed class AgentServerFixture : IAsyncLifetime
{
    private SandboxedServer? _server;

    public HttpClient Client { get; private set; } = null!;

    internal ScriptedLlm Llm { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Llm = await ScriptedLlm.StartAsync();
        _server = await SandboxedServer.StartSandboxAsync("chain-service-no-endpoints-secret");
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
        var address = await _server.StartServerAsync(
            new ServerOptions { Store = new Storage.StoreOptions { DataDirectory = Path.Combine(_server.WorkDirectory, "data") } },
            services => services.AddSingleton(settings));
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }
    }
}
