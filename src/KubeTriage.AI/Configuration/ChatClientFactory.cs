using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Pipeline;
using KubeTriage.AI.Providers.Anthropic;
using KubeTriage.AI.Providers.Bedrock;
using KubeTriage.AI.Providers.Gemini;
using KubeTriage.AI.Providers.OpenAI;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Configuration;

/// <summary>Creates the chat pipeline for an agent role: usage accounting, compaction, redaction, retry (with the per-call timeout), then the provider.</summary>
public static class ChatClientFactory
{
    /// <summary>Creates the composed <see cref="IChatClient"/> for <paramref name="role"/>.</summary>
    /// <remarks>Redaction runs before retry so a secret is masked once and never reaches the provider adapter.</remarks>
    public static IChatClient Create(ProviderConfiguration config, AgentRole role, ChatClientFactoryOptions? options = null)
    {
        options ??= new ChatClientFactoryOptions();
        var model = config.ModelFor(role);
        var provider = CreateProvider(config, model, options);
        var window = options.ContextWindowTokens ?? options.Prices.ContextWindow(model);
        return new ChatPipelineBuilder(provider)
            .Use(inner => new UsageAccountingChatClient(inner, options.Ledger, options.Prices, options.AgentName ?? role.ToString()))
            .Use(inner => window is { } tokens ? new CompactingChatClient(inner, tokens) : inner)
            .Use(inner => new RedactingChatClient(inner, options.Redaction))
            .Use(inner => new RetryingChatClient(inner, options.Retry, options.TimeProvider))
            .Build();
    }

    /// <summary>Creates the bare provider adapter without middleware.</summary>
    public static IChatClient CreateProvider(ProviderConfiguration config, string model, ChatClientFactoryOptions? options = null)
    {
        options ??= new ChatClientFactoryOptions();
        var http = options.HttpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return config.Provider switch
        {
            ProviderKind.Anthropic => new AnthropicChatClient(http, config.Endpoint, config.ApiKey ?? "", model),
            ProviderKind.OpenAI => new OpenAIChatClient(http, IsOpenAI(config.Endpoint)
                ? OpenAIEndpoint.OpenAI(config.Endpoint, config.ApiKey)
                : OpenAIEndpoint.Compatible("openai-compatible", config.Endpoint, config.ApiKey), model),
            ProviderKind.AzureOpenAI => new OpenAIChatClient(http,
                OpenAIEndpoint.Azure(config.Endpoint, config.ApiKey ?? "", config.ApiVersion ?? ProviderDefaults.AzureApiVersion), model),
            ProviderKind.Ollama => new OpenAIChatClient(http, OpenAIEndpoint.Compatible("ollama", config.Endpoint, config.ApiKey), model),
            ProviderKind.Gemini => new GeminiChatClient(http, config.Endpoint, config.ApiKey ?? "", model),
            ProviderKind.Bedrock => new BedrockChatClient(http, config.Endpoint,
                new BedrockSigner(Credentials(config), config.Region ?? "us-east-1", options.TimeProvider), model),
            _ => throw new ProviderConfigurationException($"Provider {config.Provider} is not supported."),
        };
    }

    private static bool IsOpenAI(Uri endpoint) => endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);

    private static Func<CancellationToken, Task<ImmutableCredentials>> Credentials(ProviderConfiguration config)
    {
        if (config.AwsCredentials is { } fixedCredentials)
        {
            var immutable = new ImmutableCredentials(fixedCredentials.AccessKeyId, fixedCredentials.SecretAccessKey, fixedCredentials.SessionToken);
            return _ => Task.FromResult(immutable);
        }

        // The SDK chain: env, profile, SSO, web identity, container and instance roles; it caches and refreshes.
        return async _ => await DefaultAWSCredentialsIdentityResolver.GetCredentials().GetCredentialsAsync().ConfigureAwait(false);
    }
}
