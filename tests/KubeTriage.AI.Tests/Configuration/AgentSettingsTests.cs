using System.Collections;
using KubeTriage.AI.Configuration;

namespace KubeTriage.AI.Tests.Configuration;

public sealed class AgentSettingsTests
{
    private const string File = """
        server:
          port: 8080
        llm:
          provider: anthropic
          coordinator_model: claude-opus-4-1
          collector_model: claude-haiku-4-5
          collector_escalation_model: claude-sonnet-4-5
          management_context: mgmt
          max_input_tokens: 120000
          call_timeout_seconds: 30
          investigation_timeout_seconds: 240
          models:
            my-local-model: {input: 0.5, output: 1.5, cache_read: 0.05, context_window: 32000}
        """;

    [Fact]
    public void Load_ConfigFile_ModelsPerRoleBudgetsAndPrices()
    {
        var settings = AgentSettings.Load(Environment(File, new() { ["ANTHROPIC_API_KEY"] = "sk-ant-test" }));

        var provider = settings.Provider!;
        Assert.Equal(ProviderKind.Anthropic, provider.Provider);
        Assert.Equal(("claude-opus-4-1", "claude-haiku-4-5", "claude-sonnet-4-5"),
            (provider.ModelFor(AgentRole.Coordinator), provider.ModelFor(AgentRole.Collector), provider.ModelFor(AgentRole.CollectorEscalation)));
        Assert.Equal("mgmt", settings.ManagementCluster);
        Assert.Equal(120_000, settings.MaxInputTokens);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(240), settings.InvestigationTimeout);
        Assert.Equal(32_000, settings.Prices.ContextWindow("my-local-model"));
        Assert.Equal(0.5m, settings.Prices.Find("my-local-model")!.InputPerMillion);
        Assert.Equal(200_000, settings.Prices.ContextWindow("us.anthropic.claude-haiku-4-5-20251001-v1:0"));
    }

    [Fact]
    public void Load_EnvironmentSet_OverridesTheFile()
    {
        var settings = AgentSettings.Load(Environment(File, new()
        {
            ["OPENAI_API_KEY"] = "sk-test",
            ["KUBETRIAGE_PROVIDER"] = "openai",
            ["KUBETRIAGE_COLLECTOR_MODEL"] = "gpt-4.1-nano",
            ["KUBETRIAGE_COLLECTOR_ESCALATION_MODEL"] = "off",
            ["KUBETRIAGE_MANAGEMENT_CONTEXT"] = "giant-mc",
        }));

        Assert.Equal(ProviderKind.OpenAI, settings.Provider!.Provider);
        Assert.Equal(("claude-opus-4-1", "gpt-4.1-nano"), (settings.Provider.CoordinatorModel, settings.Provider.CollectorModel));
        Assert.False(settings.Provider.EscalationEnabled);
        Assert.Null(settings.CreateClients(new()).Escalation);
        Assert.Equal("giant-mc", settings.ManagementCluster);
    }

    [Fact]
    public void Load_NoProvider_SaysWhyInsteadOfThrowing()
    {
        var settings = AgentSettings.Load(new Hashtable());

        Assert.Null(settings.Provider);
        Assert.StartsWith("No LLM provider is configured.", settings.ProviderProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInLlmSection_NamesTheFile()
    {
        var ex = Assert.Throws<ProviderConfigurationException>(() => AgentSettings.Load(Environment("llm:\n  colector_model: x\n", [])));

        Assert.Contains("config.yaml", ex.Message, StringComparison.Ordinal);
    }

    private static Hashtable Environment(string file, Dictionary<string, string> variables)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kt-config-").FullName, "config.yaml");
        System.IO.File.WriteAllText(path, file);
        var environment = new Hashtable { ["KUBETRIAGE_CONFIG"] = path };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }
}
