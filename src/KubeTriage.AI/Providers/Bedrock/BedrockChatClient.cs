using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Talks to the Bedrock Runtime Converse API (POST /model/{modelId}/converse and /converse-stream) with SigV4.</summary>
internal sealed class BedrockChatClient(HttpClient http, Uri endpoint, BedrockSigner signer, string defaultModel)
    : HttpChatClient(http, ProviderName, endpoint, defaultModel)
{
    public const string ProviderName = "bedrock";
    private const string EventStreamMediaType = "application/vnd.amazon.eventstream";

    private readonly Uri _endpoint = EnsureSlash(endpoint);

    protected override async ValueTask<HttpRequestMessage> CreateRequestAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(BedrockRequest.Build(messages, options).ToJsonString());
        var operation = stream ? "converse-stream" : "converse";
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

    protected override ChatResponse ParseResponse(JsonElement root, string model) => BedrockResponse.Parse(root, model);

    protected override async IAsyncEnumerable<ChatResponseUpdate> ReadStreamAsync(
        HttpResponseMessage response, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is { } mediaType
            && !mediaType.Equals(EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidDataException($"{ProviderName} converse-stream answered {mediaType} instead of {EventStreamMediaType}: {body[..Math.Min(body.Length, 500)]}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in BedrockStreamReader.ReadAsync(EventStreamReader.ReadAsync(stream, cancellationToken), model, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
