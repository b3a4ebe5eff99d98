using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests;

/// <summary>The real server on a loopback port, investigating a sandbox that serves a broken scenario, engine only.</summary>
/// <remarks>The LLM is switched off explicitly so a provider key in the developer's environment cannot change the answers.</remarks>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-7c1e";

    private SandboxedServer? _server;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxedServer.StartSandboxAsync("chain-service-no-endpoints-secret");
        var address = await _server.StartServerAsync(
            new ServerOptions
            {
                ApiKeys = [ApiKey],
                MaxRequestBodyBytes = 64 * 1024,
                Store = new Storage.StoreOptions { DataDirectory = Path.Combine(_server.WorkDirectory, "data") },
            },
            services => services.AddSingleton(AI.Configuration.AgentSettings.None));
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        Anonymous = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
