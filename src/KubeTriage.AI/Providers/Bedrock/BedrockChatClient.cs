using System.Runtime.CompilerServices;
using System.Text;
using KubeTriage.AI.Providers.Anthropic;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Talks to the Bedrock Runtime Converse API (POST /model/{modelId}/converse) with SigV4.</summary>
/// <remarks>Streaming calls converse and replays the whole answer as updates: converse-stream's binary
/// event-stream framing is not implemented yet.</remarks>
internal sealed class BedrockChatClient(HttpClient http, Uri endpoint, BedrockSigner signer, string defaultModel) : IChatClient
{
    public const string ProviderName = "bedrock";

    private readonly Uri _endpoint = AnthropicChatClient.EnsureSlash(endpoint);
    private readonly ChatClientMetadata _metadata = new(ProviderName, endpoint, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? defaultModel;
        var body = Encoding.UTF8.GetBytes(BedrockRequest.Build(messages, options).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, $"model/{Uri.EscapeDataString(model)}/converse"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await signer.SignAsync(request, body, cancellationToken).ConfigureAwait(false);
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: false, cancellationToken).ConfigureAwait(false);
        return BedrockResponse.Parse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false), model);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
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
}
