using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Turns ConverseStream events into streaming updates.</summary>
/// <remarks>Each event's JSON payload is the body of the member named by <c>:event-type</c>; tool input arrives as
/// partial JSON strings that are joined until the block stops.</remarks>
internal static class BedrockStreamReader
{
    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(
        IAsyncEnumerable<EventStreamMessage> messages, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var toolUses = new Dictionary<int, (string Id, string Name, StringBuilder Input)>();
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var messageType = message.Header(":message-type");
            if (messageType != "event")
            {
                throw Error(message, messageType);
            }

            if (message.Payload.IsEmpty)
            {
                continue;
            }

            using var document = JsonDocument.Parse(message.Payload);
            var data = document.RootElement;
            switch (message.Header(":event-type"))
            {
                case "contentBlockStart":
                    if (data.TryGetProperty("start", out var start) && start.TryGetProperty("toolUse", out var toolUse))
                    {
                        toolUses[Index(data)] = (toolUse.GetProperty("toolUseId").GetString()!, toolUse.GetProperty("name").GetString()!, new StringBuilder());
                    }

                    break;
                case "contentBlockDelta":
                    var delta = data.GetProperty("delta");
                    if (JsonContent.String(delta, "text") is { Length: > 0 } text)
                    {
                        yield return Update(model, new TextContent(text));
                    }
                    else if (delta.TryGetProperty("toolUse", out var inputDelta) && toolUses.TryGetValue(Index(data), out var partial))
                    {
                        partial.Input.Append(JsonContent.String(inputDelta, "input"));
                    }

                    break;
                case "contentBlockStop":
                    if (toolUses.Remove(Index(data), out var call))
                    {
                        yield return Update(model, new FunctionCallContent(call.Id, call.Name, JsonContent.ParseArguments(call.Input.ToString())));
                    }

                    break;
                case "messageStop":
                    yield return new ChatResponseUpdate(ChatRole.Assistant, [])
                    {
                        ModelId = model,
                        FinishReason = BedrockResponse.FinishReason(JsonContent.String(data, "stopReason")),
                    };
                    break;
                case "metadata":
                    if (data.TryGetProperty("usage", out var usage))
                    {
                        var update = Update(model, new UsageContent(BedrockResponse.ParseUsage(usage)));
                        update.AdditionalProperties = BedrockResponse.Metrics(data);
                        yield return update;
                    }

                    break;
            }
        }
    }

    private static int Index(JsonElement data) => data.TryGetProperty("contentBlockIndex", out var index) ? index.GetInt32() : 0;

    private static ChatResponseUpdate Update(string model, AIContent content) => new(ChatRole.Assistant, [content]) { ModelId = model };

    /// <summary>Maps an exception or error frame to the HTTP status Bedrock documents for it, so retry treats it like the status code.</summary>
    private static ChatProviderException Error(EventStreamMessage message, string? messageType)
    {
        if (messageType == "exception")
        {
            var type = message.Header(":exception-type") ?? "unknownException";
            var status = type switch
            {
                "throttlingException" => HttpStatusCode.TooManyRequests,
                "validationException" => HttpStatusCode.BadRequest,
                "modelStreamErrorException" => HttpStatusCode.FailedDependency,
                "serviceUnavailableException" => HttpStatusCode.ServiceUnavailable,
                _ => HttpStatusCode.InternalServerError,
            };
            return new ChatProviderException(BedrockChatClient.ProviderName, status, null, $"{type}: {ExceptionText(message.Payload)}");
        }

        // Framework-level errors carry their code and text in headers instead of a payload.
        var code = message.Header(":error-code") ?? messageType ?? "unknown";
        return new ChatProviderException(
            BedrockChatClient.ProviderName, HttpStatusCode.InternalServerError, null, $"{code}: {message.Header(":error-message")}");
    }

    private static string ExceptionText(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonContent.String(document.RootElement, "message") ?? JsonContent.String(document.RootElement, "Message") ?? document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(payload.Span);
        }
    }
}
