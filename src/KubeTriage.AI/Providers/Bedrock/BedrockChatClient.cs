using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using KubeTriage.AI.Providers.Anthropic;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Talks to the Bedrock Runtime Converse API (POST /model/{modelId}/converse and /converse-stream) with SigV4.</summary>
internal sealed class BedrockChatClient(HttpClient http, Uri endpoint, BedrockSigner signer, string defaultModel) : IChatClient
{
    public const string ProviderName = "bedrock";
    private const string EventStreamMediaType = "application/vnd.amazon.eventstream";

    private readonly Uri _endpoint = AnthropicChatClient.EnsureSlash(endpoint);
    private readonly ChatClientMetadata _metadata = new(ProviderName, endpoint, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? defaultModel;
        using var request = await CreateRequestAsync(messages, options, model, "converse", cancellationToken).ConfigureAwait(false);
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: false, cancellationToken).ConfigureAwait(false);
        return BedrockResponse.Parse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false), model);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? defaultModel;
        using var request = await CreateRequestAsync(messages, options, model, "converse-stream", cancellationToken).ConfigureAwait(false);
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: true, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType is { } mediaType
            && !mediaType.Equals(EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidDataException($"{ProviderName} converse-stream answered {mediaType} instead of {EventStreamMediaType}: {body[..Math.Min(body.Length, 500)]}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var frames = EventStreamReader.ReadAsync(stream, cancellationToken);
        await foreach (var update in BedrockStreamReader.ReadAsync(frames, model, cancellationToken).ConfigureAwait(false))
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

    private async Task<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, string operation, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(BedrockRequest.Build(messages, options).ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, $"model/{Uri.EscapeDataString(model)}/{operation}"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            await signer.SignAsync(request, body, cancellationToken).ConfigureAwait(false);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }
}
