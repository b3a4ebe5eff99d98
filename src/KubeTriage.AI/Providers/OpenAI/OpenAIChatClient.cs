using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Talks to a Chat Completions endpoint: OpenAI, Azure OpenAI or an OpenAI-compatible server.</summary>
internal sealed class OpenAIChatClient(HttpClient http, OpenAIEndpoint endpoint, string defaultModel)
    : HttpChatClient(http, endpoint.ProviderName, endpoint.BaseUrl, defaultModel)
{
    protected override ValueTask<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, CancellationToken cancellationToken)
    {
        var body = OpenAIRequest.Build(messages, options, model, stream, endpoint.UsesMaxCompletionTokens);
        var request = ProviderHttp.JsonPost(endpoint.ChatCompletionsUri(model), body);
        endpoint.Authorize(request);
        return ValueTask.FromResult(request);
    }

    protected override ChatResponse ParseResponse(JsonElement root, string model) => OpenAIResponse.Parse(root);

    protected override IAsyncEnumerable<ChatResponseUpdate> ReadStreamAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken)
        => OpenAIStreamReader.ReadAsync(SseStream.ReadAsync(response, cancellationToken), cancellationToken);
}
