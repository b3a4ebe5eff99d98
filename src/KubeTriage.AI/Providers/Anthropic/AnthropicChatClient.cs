using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Anthropic;

/// <summary>Talks to the Anthropic Messages API (POST /v1/messages).</summary>
internal sealed class AnthropicChatClient(HttpClient http, Uri baseUrl, string apiKey, string defaultModel)
    : HttpChatClient(http, ProviderName, baseUrl, defaultModel)
{
    public const string ProviderName = "anthropic";
    private const string ApiVersion = "2023-06-01";

    private readonly Uri _messagesUri = new(EnsureSlash(baseUrl), "v1/messages");

    protected override ValueTask<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, CancellationToken cancellationToken)
    {
        var request = ProviderHttp.JsonPost(_messagesUri, AnthropicRequest.Build(messages, options, model, stream));
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", ApiVersion);
        return ValueTask.FromResult(request);
    }

    protected override ChatResponse ParseResponse(JsonElement root, string model) => AnthropicResponse.Parse(root);

    protected override IAsyncEnumerable<ChatResponseUpdate> ReadStreamAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken)
        => AnthropicStreamReader.ReadAsync(SseStream.ReadAsync(response, cancellationToken), cancellationToken);
}
