using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Http;

/// <summary>What every provider adapter shares: build the request, send it with status and error handling, read the answer or the stream.</summary>
/// <remarks>Adapters only know their wire format: how to build a request and how to read a JSON answer and a stream. Thread-safe.</remarks>
internal abstract class HttpChatClient(HttpClient http, string provider, Uri endpoint, string defaultModel) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(provider, endpoint, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? defaultModel;
        using var request = await CreateRequestAsync(messages, options, model, stream: false, cancellationToken).ConfigureAwait(false);
        using var response = await ProviderHttp.SendAsync(http, request, provider, streaming: false, cancellationToken).ConfigureAwait(false);
        return ParseResponse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false), model);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? defaultModel;
        using var request = await CreateRequestAsync(messages, options, model, stream: true, cancellationToken).ConfigureAwait(false);
        using var response = await ProviderHttp.SendAsync(http, request, provider, streaming: true, cancellationToken).ConfigureAwait(false);
        await foreach (var update in ReadStreamAsync(response, model, cancellationToken).ConfigureAwait(false))
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

    /// <summary>Returns a URL that ends with a slash, so relative paths append to it instead of replacing its last segment.</summary>
    internal static Uri EnsureSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    protected abstract ValueTask<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, CancellationToken cancellationToken);

    protected abstract ChatResponse ParseResponse(JsonElement root, string model);

    protected abstract IAsyncEnumerable<ChatResponseUpdate> ReadStreamAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken);
}
