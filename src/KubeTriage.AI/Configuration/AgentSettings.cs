using System.Collections;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Middleware;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Configuration;

/// <summary>Everything the agents need from configuration: provider and models, management cluster, budgets, prices.</summary>
/// <remarks>
/// Read from the config file (KUBETRIAGE_CONFIG, else <c>~/.kubetriage/config.yaml</c> when it exists), with
/// environment variables overriding it. No provider is a normal state: <see cref="Provider"/> is null and
/// <see cref="ProviderProblem"/> says why, and the deterministic engine answers.
/// </remarks>
public sealed record AgentSettings
{
    /// <summary>Gets the provider, or null when none is configured (or its configuration is invalid).</summary>
    public ProviderConfiguration? Provider { get; init; }

    /// <summary>Gets why there is no provider.</summary>
    public string? ProviderProblem { get; init; }

    /// <summary>Gets the kubeconfig context (or registry name) of the management cluster, if one is configured.</summary>
    public string? ManagementCluster { get; init; }

    /// <summary>Gets the input-token budget of one investigation, or null for none.</summary>
    public long? MaxInputTokens { get; init; } = 300_000;

    /// <summary>Gets the time limit of one model call (each retry attempt).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets the time limit of one investigation, or null for none (the server uses timeout_seconds).</summary>
    public TimeSpan? InvestigationTimeout { get; init; }

    /// <summary>Gets the prices and context windows: the built-in catalog plus the config file's models.</summary>
    public PriceTable Prices { get; init; } = ModelCatalog.Defaults();

    /// <summary>Gets the config file that was read, if any.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Gets settings with no provider, for hosts and tests that must not call a model.</summary>
    public static AgentSettings None { get; } = new() { ProviderProblem = "the LLM is disabled" };

    /// <summary>Reads the config file and the environment (e.g. <see cref="Environment.GetEnvironmentVariables()"/>).</summary>
    /// <exception cref="ProviderConfigurationException">The config file named by KUBETRIAGE_CONFIG is missing or invalid.</exception>
    public static AgentSettings Load(IDictionary environment)
    {
        string? Get(string name) => environment[name] is string { Length: > 0 } value ? value.Trim() : null;

        var path = Get("KUBETRIAGE_CONFIG");
        if (path is not null && !File.Exists(path))
        {
            throw new ProviderConfigurationException($"KUBETRIAGE_CONFIG names {path}, which does not exist.");
        }

        path ??= DefaultPath(Get("HOME") ?? Get("USERPROFILE"));
        var file = path is null ? new ConfigFile() : ConfigFile.Read(path);

        // The file fills in what the environment leaves unset, so one merged view feeds the vendor-convention reader.
        var merged = new Hashtable();
        foreach (DictionaryEntry entry in environment)
        {
            merged[entry.Key] = entry.Value;
        }

        void Fill(string name, string? value)
        {
            if (value is not null && Get(name) is null)
            {
                merged[name] = value;
            }
        }

        Fill("KUBETRIAGE_PROVIDER", file.Provider);
        Fill("KUBETRIAGE_COORDINATOR_MODEL", file.CoordinatorModel);
        Fill("KUBETRIAGE_COLLECTOR_MODEL", file.CollectorModel);
        Fill("KUBETRIAGE_COLLECTOR_ESCALATION_MODEL", file.CollectorEscalationModel);

        var prices = ModelCatalog.Defaults();
        foreach (var (model, entry) in file.Models)
        {
            prices.Set(model, new ModelPrice(entry.Input, entry.Output, entry.CacheWrite, entry.CacheRead));
            if (entry.ContextWindow is { } window)
            {
                prices.SetContextWindow(model, window);
            }
        }

        ProviderConfiguration? provider = null;
        string? problem = null;
        try
        {
            provider = ProviderConfiguration.FromEnvironment(merged);
        }
        catch (ProviderConfigurationException ex)
        {
            problem = ex.Message;
        }

        return new AgentSettings
        {
            Provider = provider,
            ProviderProblem = problem,
            ManagementCluster = Get("KUBETRIAGE_MANAGEMENT_CONTEXT") ?? file.ManagementContext,
            MaxInputTokens = Long(Get("KUBETRIAGE_MAX_INPUT_TOKENS")) ?? file.MaxInputTokens ?? 300_000,
            CallTimeout = TimeSpan.FromSeconds(file.CallTimeoutSeconds ?? 120),
            InvestigationTimeout = file.InvestigationTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Prices = prices,
            ConfigFilePath = path,
        };
    }

    /// <summary>Creates the coordinator, collector and (when enabled) escalation pipelines, all recording into <paramref name="ledger"/>.</summary>
    /// <exception cref="InvalidOperationException">No provider is configured.</exception>
    public AgentClients CreateClients(UsageLedger ledger, HttpClient? http = null, TimeProvider? clock = null)
    {
        var provider = Provider ?? throw new InvalidOperationException($"No LLM provider: {ProviderProblem}");
        IChatClient Create(AgentRole role)
        {
            var options = new ChatClientFactoryOptions { Ledger = ledger, Prices = Prices, HttpClient = http, TimeProvider = clock ?? TimeProvider.System };
            options.Retry.AttemptTimeout = CallTimeout;
            return ChatClientFactory.Create(provider, role, options);
        }

        return new AgentClients(
            Create(AgentRole.Coordinator),
            Create(AgentRole.Collector),
            provider.EscalationEnabled && provider.ModelFor(AgentRole.CollectorEscalation) != provider.CollectorModel ? Create(AgentRole.CollectorEscalation) : null);
    }

    private static string? DefaultPath(string? home)
    {
        if (home is null)
        {
            return null;
        }

        return new[] { "config.yaml", "config.yml", "config.json" }
            .Select(name => Path.Combine(home, ".kubetriage", name))
            .FirstOrDefault(File.Exists);
    }

    private static long? Long(string? value) => long.TryParse(value, out var parsed) ? parsed : null;
}
