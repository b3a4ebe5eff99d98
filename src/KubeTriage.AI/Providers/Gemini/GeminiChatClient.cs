using System.Runtime.CompilerServices;
using KubeTriage.AI.Providers.Anthropic;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Gemini;

/// <summary>Talks to the Gemini API (models/{model}:generateContent and :streamGenerateContent?alt=sse).</summary>
internal sealed class GeminiChatClient(HttpClient http, Uri baseUrl, string apiKey, string defaultModel) : IChatClient
{
    public const string ProviderName = "gemini";

    private readonly Uri _baseUrl = AnthropicChatClient.EnsureSlash(baseUrl);
    private readonly ChatClientMetadata _metadata = new(ProviderName, baseUrl, defaultModel);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, "generateContent");
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: false, cancellationToken).ConfigureAwait(false);
        var result = GeminiResponse.Parse(await ProviderHttp.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false));
        result.ModelId ??= options?.ModelId ?? defaultModel;
        return result;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, "streamGenerateContent?alt=sse");
        using var response = await ProviderHttp.SendAsync(http, request, ProviderName, streaming: true, cancellationToken).ConfigureAwait(false);
        UsageDetails? usage = null;
        string? model = null;
        string? id = null;
        ChatFinishReason? finish = null;
        await foreach (var (_, data) in SseStream.ReadAsync(response, cancellationToken).ConfigureAwait(false))
        {
            var chunk = GeminiResponse.ParseChunk(data);
            model ??= chunk.ModelId;
            id ??= chunk.ResponseId;
            finish = chunk.FinishReason ?? finish;

            // Every chunk repeats the running usage; only the last one is the total.
            usage = chunk.Usage ?? usage;
            if (chunk.Contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk.Contents) { ModelId = model, ResponseId = id, MessageId = id };
            }
        }

        var final = new ChatResponseUpdate(ChatRole.Assistant, usage is null ? [] : [new UsageContent(usage)])
        {
            ModelId = model ?? options?.ModelId ?? defaultModel,
            ResponseId = id,
            MessageId = id,
            FinishReason = finish,
        };
        yield return final;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string method)
    {
        var model = options?.ModelId ?? defaultModel;
        var uri = new Uri(_baseUrl, $"v1beta/models/{Uri.EscapeDataString(model)}:{method}");
        var request = ProviderHttp.JsonPost(uri, GeminiRequest.Build(messages, options));
        request.Headers.Add("x-goog-api-key", apiKey);
        return request;
    }
}
