using System.Collections;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Configuration;

public sealed class ProviderConfigurationTests
{
    [Fact]
    public void FromEnvironment_SeveralProvidersWithoutChoice_ListsThem()
    {
        var error = Assert.Throws<ProviderConfigurationException>(() => ProviderConfiguration.FromEnvironment(
            new Hashtable { ["ANTHROPIC_API_KEY"] = "a", ["GEMINI_API_KEY"] = "g" }));

        Assert.Contains("anthropic, gemini", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBETRIAGE_PROVIDER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ProviderChosenAndModelsSet_UsesThem()
    {
        var config = ProviderConfiguration.FromEnvironment(new Hashtable
        {
            ["ANTHROPIC_API_KEY"] = "a",
            ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com",
            ["AZURE_OPENAI_API_KEY"] = "z",
            ["KUBETRIAGE_PROVIDER"] = "azure-openai",
            ["KUBETRIAGE_COLLECTOR_MODEL"] = "small",
        });

        Assert.Equal(ProviderKind.AzureOpenAI, config.Provider);
        Assert.Equal(("z", "2024-10-21", "gpt-4.1", "small"), (config.ApiKey, config.ApiVersion, config.CoordinatorModel, config.CollectorModel));
    }

    [Theory]
    [InlineData("127.0.0.1:11434", "http://127.0.0.1:11434/v1/")]
    [InlineData("http://gpu-box:8080", "http://gpu-box:8080/v1/")]
    [InlineData("ollama.local", "http://ollama.local:11434/v1/")]
    public void FromEnvironment_OllamaHost_PointsAtOpenAICompatibleV1(string host, string expected)
    {
        var config = ProviderConfiguration.FromEnvironment(new Hashtable { ["OLLAMA_HOST"] = host });

        Assert.Equal((ProviderKind.Ollama, expected), (config.Provider, config.Endpoint.ToString()));
    }

    [Fact]
    public void FromEnvironment_Nothing_ExplainsWhatToSet()
    {
        var error = Assert.Throws<ProviderConfigurationException>(() => ProviderConfiguration.FromEnvironment(new Hashtable()));

        Assert.Contains("ANTHROPIC_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Pipeline_RecordsUsageAndCostPerAgent()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(
            """{"id":"m","model":"claude-test-20250101","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1000000,"output_tokens":1000000,"cache_read_input_tokens":1000000,"cache_creation_input_tokens":1000000}}"""));
        var options = new ChatClientFactoryOptions { AgentName = "collector-pods" };
        options.Prices.Set("claude-test", new ModelPrice(3m, 15m, 3.75m, 0.30m));
        var config = ProviderConfiguration.FromEnvironment(new Hashtable { ["ANTHROPIC_API_KEY"] = "a", ["ANTHROPIC_BASE_URL"] = server.BaseUrl.ToString() });

        await ChatClientFactory.Create(config, AgentRole.Collector, options).GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        var usage = options.Ledger.Snapshot()["collector-pods"];
        Assert.Equal((1, 3_000_000L, 1_000_000L, 1_000_000L), (usage.Calls, usage.InputTokens, usage.CacheReadTokens, usage.CacheWriteTokens));
        Assert.Equal(3m + 15m + 3.75m + 0.30m, usage.CostUsd);
    }
}
