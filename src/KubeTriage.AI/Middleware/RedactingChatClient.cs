using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Masks secrets in every outgoing message: text, tool call arguments and tool results.</summary>
internal sealed class RedactingChatClient(IChatClient innerClient, RedactionOptions options) : DelegatingChatClient(innerClient)
{
    private readonly SecretRedactor _redactor = new(options);

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetResponseAsync(Redact(messages), RedactOptions(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetStreamingResponseAsync(Redact(messages), RedactOptions(options), cancellationToken);

    private ChatOptions? RedactOptions(ChatOptions? options)
    {
        if (options?.Instructions is null)
        {
            return options;
        }

        var clone = options.Clone();
        clone.Instructions = _redactor.Redact(options.Instructions);
        return clone;
    }

    private List<ChatMessage> Redact(IEnumerable<ChatMessage> messages)
        => [.. messages.Select(m => new ChatMessage(m.Role, [.. m.Contents.Select(Redact)])
        {
            AuthorName = m.AuthorName,
            MessageId = m.MessageId,
        })];

    private AIContent Redact(AIContent content) => content switch
    {
        TextContent text => new TextContent(_redactor.Redact(text.Text)),
        TextReasoningContent reasoning => new TextReasoningContent(_redactor.Redact(reasoning.Text)),
        FunctionCallContent call => new FunctionCallContent(call.CallId, call.Name, RedactArguments(call.Arguments)),
        // The exception is kept only as the "is error" flag: its message is already in the masked text.
        FunctionResultContent result => new FunctionResultContent(result.CallId, _redactor.Redact(JsonContent.ResultText(result)))
        {
            Exception = result.Exception,
        },
        _ => content,
    };

    private Dictionary<string, object?>? RedactArguments(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        var result = new Dictionary<string, object?>(arguments.Count, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            result[name] = value switch
            {
                null => null,
                string s => _redactor.Redact(s),
                JsonElement { ValueKind: JsonValueKind.String } e => _redactor.Redact(e.GetString()!),
                JsonElement e => ReparseOrText(_redactor.Redact(e.GetRawText())),
                var other => ReparseOrText(_redactor.Redact(JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions))),
            };
        }

        return result;
    }

    private static object ReparseOrText(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
