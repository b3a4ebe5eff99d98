using System.Runtime.CompilerServices;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Anthropic;

/// <summary>Talks to the Anthropic Messages API (POST /v1/messages).</summary>
internal sealed class AnthropicChatClient(HttpClient http, Uri baseUrl, string apiKey, string defaultModel) : IChatClient
{
    public const string ProviderName = "anthropic";
    private const string ApiVersion = "2023-06-01";

    private readonly Uri _messagesUri = new(EnsureSlash(baseUrl), "v1/messages");
    private readonly ChatClientMetadata _metadata = new(ProviderName, baseUrl, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: false);
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: false, cancellationToken).ConfigureAwait(false);
        return AnthropicResponse.Parse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: true);
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: true, cancellationToken).ConfigureAwait(false);
        await foreach (var update in AnthropicStreamReader.ReadAsync(SseStream.ReadAsync(response, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var body = AnthropicRequest.Build(messages, options, options?.ModelId ?? defaultModel, stream);
        var request = ProviderHttp.JsonPost(_messagesUri, body);
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", ApiVersion);
        return request;
    }

    internal static Uri EnsureSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
