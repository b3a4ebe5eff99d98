using System.Runtime.CompilerServices;
using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Gemini;

/// <summary>Talks to the Gemini API (models/{model}:generateContent and :streamGenerateContent?alt=sse).</summary>
internal sealed class GeminiChatClient(HttpClient http, Uri baseUrl, string apiKey, string defaultModel)
    : HttpChatClient(http, ProviderName, baseUrl, defaultModel)
{
    public const string ProviderName = "gemini";

    private readonly Uri _baseUrl = EnsureSlash(baseUrl);

    protected override ValueTask<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, CancellationToken cancellationToken)
    {
        var method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
        var uri = new Uri(_baseUrl, $"v1beta/models/{Uri.EscapeDataString(model)}:{method}");
        var request = ProviderHttp.JsonPost(uri, GeminiRequest.Build(messages, options));
        request.Headers.Add("x-goog-api-key", apiKey);
        return ValueTask.FromResult(request);
    }

    protected override ChatResponse ParseResponse(JsonElement root, string model)
    {
        var result = GeminiResponse.Parse(root);
        result.ModelId ??= model;
        return result;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> ReadStreamAsync(
        HttpResponseMessage response, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        UsageDetails? usage = null;
        string? answeredModel = null;
        string? id = null;
        ChatFinishReason? finish = null;
        await foreach (var (_, data) in SseStream.ReadAsync(response, cancellationToken).ConfigureAwait(false))
        {
            var chunk = GeminiResponse.ParseChunk(data);
            answeredModel ??= chunk.ModelId;
            id ??= chunk.ResponseId;
            finish = chunk.FinishReason ?? finish;

            // Every chunk repeats the running usage; only the last one is the total.
            usage = chunk.Usage ?? usage;
            if (chunk.Contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk.Contents) { ModelId = answeredModel, ResponseId = id, MessageId = id };
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, usage is null ? [] : [new UsageContent(usage)])
        {
            ModelId = answeredModel ?? model,
            ResponseId = id,
            MessageId = id,
            FinishReason = finish,
        };
    }
}
