using System.Collections;

namespace KubeTriage.AI.Configuration;

/// <summary>Detects configured providers from vendor environment variables and picks one.</summary>
internal static class EnvironmentReader
{
    private static readonly Dictionary<string, ProviderKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["anthropic"] = ProviderKind.Anthropic,
        ["openai"] = ProviderKind.OpenAI,
        ["azure-openai"] = ProviderKind.AzureOpenAI,
        ["azure"] = ProviderKind.AzureOpenAI,
        ["ollama"] = ProviderKind.Ollama,
        ["gemini"] = ProviderKind.Gemini,
        ["bedrock"] = ProviderKind.Bedrock,
    };

    public static ProviderConfiguration Read(IDictionary environment)
    {
        string? Get(string name) => environment[name] is string { Length: > 0 } value ? value.Trim() : null;

        var configured = Detect(Get);
        ProviderKind kind;
        if (Get("KUBETRIAGE_PROVIDER") is { } requested)
        {
            if (!Names.TryGetValue(requested, out kind))
            {
                throw new ProviderConfigurationException(
                    $"KUBETRIAGE_PROVIDER '{requested}' is unknown; use one of: {string.Join(", ", Names.Keys.Where(n => n != "azure"))}.");
            }
        }
        else if (configured.Count == 1)
        {
            kind = configured[0];
        }
        else if (configured.Count == 0)
        {
            throw new ProviderConfigurationException(
                "No LLM provider is configured. Set one of ANTHROPIC_API_KEY, OPENAI_API_KEY (or OPENAI_BASE_URL), "
                + "AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY, GEMINI_API_KEY, OLLAMA_HOST, or AWS credentials + AWS_REGION.");
        }
        else
        {
            throw new ProviderConfigurationException(
                $"Several LLM providers are configured ({string.Join(", ", configured.Select(Name))}); set KUBETRIAGE_PROVIDER to one of them.");
        }

        var defaults = ProviderDefaults.Models(kind);
        return new ProviderConfiguration
        {
            Provider = kind,
            ApiKey = kind switch
            {
                ProviderKind.Anthropic => Require(Get, "ANTHROPIC_API_KEY"),
                ProviderKind.OpenAI => Get("OPENAI_API_KEY") ?? (Get("OPENAI_BASE_URL") is null ? Require(Get, "OPENAI_API_KEY") : null),
                ProviderKind.AzureOpenAI => Require(Get, "AZURE_OPENAI_API_KEY"),
                ProviderKind.Gemini => Require(Get, "GEMINI_API_KEY"),
                _ => null,
            },
            Endpoint = kind switch
            {
                ProviderKind.Anthropic => Url(Get("ANTHROPIC_BASE_URL")) ?? ProviderDefaults.BaseUrl(kind),
                ProviderKind.OpenAI => Url(Get("OPENAI_BASE_URL")) ?? ProviderDefaults.BaseUrl(kind),
                ProviderKind.AzureOpenAI => Url(Require(Get, "AZURE_OPENAI_ENDPOINT"))!,
                ProviderKind.Ollama => OllamaUrl(Get("OLLAMA_HOST")) ?? ProviderDefaults.BaseUrl(kind),
                ProviderKind.Gemini => Url(Get("GEMINI_BASE_URL")) ?? ProviderDefaults.BaseUrl(kind),
                _ => Url(Get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME") ?? Get("AWS_ENDPOINT_URL"))
                    ?? new Uri($"https://bedrock-runtime.{Region(Get)}.amazonaws.com/"),
            },
            ApiVersion = kind == ProviderKind.AzureOpenAI ? Get("AZURE_OPENAI_API_VERSION") ?? ProviderDefaults.AzureApiVersion : null,
            Region = kind == ProviderKind.Bedrock ? Region(Get) : null,
            AwsCredentials = kind == ProviderKind.Bedrock && Get("AWS_ACCESS_KEY_ID") is { } id && Get("AWS_SECRET_ACCESS_KEY") is { } secret
                ? new AwsStaticCredentials(id, secret, Get("AWS_SESSION_TOKEN"))
                : null,
            CoordinatorModel = Get("KUBETRIAGE_COORDINATOR_MODEL") ?? defaults.Coordinator,
            CollectorModel = Get("KUBETRIAGE_COLLECTOR_MODEL") ?? defaults.Collector,
            CollectorEscalationModel = Get("KUBETRIAGE_COLLECTOR_ESCALATION_MODEL"),
        };
    }

    private static List<ProviderKind> Detect(Func<string, string?> get)
    {
        var found = new List<ProviderKind>();
        if (get("ANTHROPIC_API_KEY") is not null)
        {
            found.Add(ProviderKind.Anthropic);
        }

        if (get("OPENAI_API_KEY") is not null || get("OPENAI_BASE_URL") is not null)
        {
            found.Add(ProviderKind.OpenAI);
        }

        if (get("AZURE_OPENAI_ENDPOINT") is not null)
        {
            found.Add(ProviderKind.AzureOpenAI);
        }

        if (get("OLLAMA_HOST") is not null)
        {
            found.Add(ProviderKind.Ollama);
        }

        if (get("GEMINI_API_KEY") is not null)
        {
            found.Add(ProviderKind.Gemini);
        }

        // A region alone is common in unrelated setups; require a credential hint too. Instance roles need KUBETRIAGE_PROVIDER.
        if ((get("AWS_REGION") ?? get("AWS_DEFAULT_REGION")) is not null
            && (get("AWS_ACCESS_KEY_ID") ?? get("AWS_PROFILE") ?? get("AWS_WEB_IDENTITY_TOKEN_FILE")
                ?? get("AWS_CONTAINER_CREDENTIALS_FULL_URI") ?? get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) is not null)
        {
            found.Add(ProviderKind.Bedrock);
        }

        return found;
    }

    private static string Name(ProviderKind kind) => Names.First(n => n.Value == kind).Key;

    private static string Region(Func<string, string?> get)
        => get("AWS_REGION") ?? get("AWS_DEFAULT_REGION") ?? throw new ProviderConfigurationException("Bedrock needs AWS_REGION.");

    private static string Require(Func<string, string?> get, string name)
        => get(name) ?? throw new ProviderConfigurationException($"{name} is not set.");

    private static Uri? Url(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ProviderConfigurationException($"'{value}' is not an http(s) URL.");
    }

    // OLLAMA_HOST is often host:port without a scheme; the OpenAI-compatible API lives under /v1.
    private static Uri? OllamaUrl(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var withScheme = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        var uri = Url(withScheme)!;
        var builder = new UriBuilder(uri) { Port = uri.IsDefaultPort && !host.Contains("://", StringComparison.Ordinal) && !host.Contains(':', StringComparison.Ordinal) ? 11434 : uri.Port };
        builder.Path = builder.Path.TrimEnd('/') + "/v1/";
        return builder.Uri;
    }
}
