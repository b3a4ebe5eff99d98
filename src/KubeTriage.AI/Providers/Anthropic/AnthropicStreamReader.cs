using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Anthropic;

/// <summary>Turns the Messages API SSE events into streaming updates.</summary>
internal static class AnthropicStreamReader
{
    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(
        IAsyncEnumerable<(string EventType, JsonElement Data)> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? messageId = null;
        string? model = null;
        JsonElement startUsage = default;
        var toolCalls = new Dictionary<int, (string Id, string Name, StringBuilder Json)>();

        await foreach (var (_, data) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (JsonContent.String(data, "type"))
            {
                case "message_start":
                    var message = data.GetProperty("message");
                    messageId = JsonContent.String(message, "id");
                    model = JsonContent.String(message, "model");
                    message.TryGetProperty("usage", out startUsage);
                    break;
                case "content_block_start":
                    var block = data.GetProperty("content_block");
                    if (JsonContent.String(block, "type") == "tool_use")
                    {
                        toolCalls[data.GetProperty("index").GetInt32()] =
                            (block.GetProperty("id").GetString()!, block.GetProperty("name").GetString()!, new StringBuilder());
                    }

                    break;
                case "content_block_delta":
                    var delta = data.GetProperty("delta");
                    var deltaType = JsonContent.String(delta, "type");
                    if (deltaType == "text_delta")
                    {
                        yield return Update(messageId, model, new TextContent(delta.GetProperty("text").GetString()));
                    }
                    else if (deltaType == "input_json_delta"
                        && toolCalls.TryGetValue(data.GetProperty("index").GetInt32(), out var partial))
                    {
                        partial.Json.Append(delta.GetProperty("partial_json").GetString());
                    }

                    break;
                case "content_block_stop":
                    var index = data.GetProperty("index").GetInt32();
                    if (toolCalls.Remove(index, out var call))
                    {
                        yield return Update(messageId, model, new FunctionCallContent(call.Id, call.Name, JsonContent.ParseArguments(call.Json.ToString())));
                    }

                    break;
                case "message_delta":
                    var update = Update(messageId, model, new UsageContent(MergeUsage(startUsage, data)));
                    update.FinishReason = AnthropicResponse.FinishReason(
                        data.TryGetProperty("delta", out var messageDelta) ? JsonContent.String(messageDelta, "stop_reason") : null);
                    yield return update;
                    break;
                case "error":
                    var error = data.GetProperty("error");
                    // Mid-stream overload arrives as an event, not a status code; surface it like one.
                    var status = JsonContent.String(error, "type") == "overloaded_error" ? (HttpStatusCode)529 : HttpStatusCode.InternalServerError;
                    throw new ChatProviderException("anthropic", status, null, JsonContent.String(error, "message") ?? "stream error");
            }
        }
    }

    private static UsageDetails MergeUsage(JsonElement startUsage, JsonElement messageDelta)
    {
        messageDelta.TryGetProperty("usage", out var final);
        long? Pick(string name) => JsonContent.Long(final, name) ?? JsonContent.Long(startUsage, name);
        return Usage.FromUncached(Pick("input_tokens"), Pick("output_tokens"), Pick("cache_read_input_tokens"), Pick("cache_creation_input_tokens"));
    }

    private static ChatResponseUpdate Update(string? messageId, string? model, AIContent content) => new(ChatRole.Assistant, [content])
    {
        MessageId = messageId,
        ResponseId = messageId,
        ModelId = model,
    };
}
