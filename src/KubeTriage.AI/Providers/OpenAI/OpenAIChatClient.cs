using System.Runtime.CompilerServices;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Talks to a Chat Completions endpoint: OpenAI, Azure OpenAI or an OpenAI-compatible server.</summary>
internal sealed class OpenAIChatClient(HttpClient http, OpenAIEndpoint endpoint, string defaultModel) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(endpoint.ProviderName, endpoint.BaseUrl, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: false);
        using var response = await ProviderHttp.SendAsync(http, request, endpoint.ProviderName, streaming: false, cancellationToken).ConfigureAwait(false);
        return OpenAIResponse.Parse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: true);
        using var response = await ProviderHttp.SendAsync(http, request, endpoint.ProviderName, streaming: true, cancellationToken).ConfigureAwait(false);
        await foreach (var update in OpenAIStreamReader.ReadAsync(SseStream.ReadAsync(response, cancellationToken), cancellationToken).ConfigureAwait(false))
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
        var model = options?.ModelId ?? defaultModel;
        var body = OpenAIRequest.Build(messages, options, model, stream, endpoint.UsesMaxCompletionTokens);
        var request = ProviderHttp.JsonPost(endpoint.ChatCompletionsUri(model), body);
        endpoint.Authorize(request);
        return request;
    }
}
