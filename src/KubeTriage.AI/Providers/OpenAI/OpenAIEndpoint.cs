using System.Net.Http.Headers;
using KubeTriage.AI.Providers.Http;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Knows the URL shape and auth header of one OpenAI-compatible deployment.</summary>
internal sealed class OpenAIEndpoint
{
    private readonly Uri _baseUrl;
    private readonly string? _apiKey;
    private readonly string? _azureApiVersion;

    private OpenAIEndpoint(string providerName, Uri baseUrl, string? apiKey, string? azureApiVersion, bool maxCompletionTokens)
    {
        ProviderName = providerName;
        _baseUrl = HttpChatClient.EnsureSlash(baseUrl);
        _apiKey = apiKey;
        _azureApiVersion = azureApiVersion;
        UsesMaxCompletionTokens = maxCompletionTokens;
    }

    public string ProviderName { get; }

    public Uri BaseUrl => _baseUrl;

    /// <summary>Gets whether the server wants <c>max_completion_tokens</c> (OpenAI, Azure) instead of the older <c>max_tokens</c>.</summary>
    public bool UsesMaxCompletionTokens { get; }

    /// <summary>OpenAI itself; <paramref name="baseUrl"/> includes the <c>/v1</c> path, as OPENAI_BASE_URL does.</summary>
    public static OpenAIEndpoint OpenAI(Uri baseUrl, string? apiKey) => new("openai", baseUrl, apiKey, null, maxCompletionTokens: true);

    /// <summary>An OpenAI-compatible server (Ollama, vLLM, LM Studio); the key is optional.</summary>
    public static OpenAIEndpoint Compatible(string providerName, Uri baseUrl, string? apiKey) => new(providerName, baseUrl, apiKey, null, maxCompletionTokens: false);

    /// <summary>Azure OpenAI: the model name is the deployment name.</summary>
    public static OpenAIEndpoint Azure(Uri endpoint, string apiKey, string apiVersion) => new("azure-openai", endpoint, apiKey, apiVersion, maxCompletionTokens: true);

    public Uri ChatCompletionsUri(string model) => _azureApiVersion is null
        ? new Uri(_baseUrl, "chat/completions")
        : new Uri(_baseUrl, $"openai/deployments/{Uri.EscapeDataString(model)}/chat/completions?api-version={Uri.EscapeDataString(_azureApiVersion)}");

    public void Authorize(HttpRequestMessage request)
    {
        if (string.IsNullOrEmpty(_apiKey))
        {
            return;
        }

        if (_azureApiVersion is not null)
        {
            request.Headers.Add("api-key", _apiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }
    }
}
