using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Keeps a conversation inside the model's context window by replacing old tool results with a short note.</summary>
/// <remarks>
/// Near the limit (<see cref="Threshold"/> of the window, estimated at four characters a token) every tool result but
/// the latest <see cref="KeepRecentToolMessages"/> tool messages is cut to a one-line placeholder; the call ids stay,
/// so providers still see each call answered. The caller's messages are never changed.
/// </remarks>
internal sealed class CompactingChatClient(IChatClient innerClient, int contextWindowTokens) : DelegatingChatClient(innerClient)
{
    public const double Threshold = 0.7;
    public const int KeepRecentToolMessages = 2;
    private const int CharsPerToken = 4;

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetResponseAsync(Compact(messages, options, contextWindowTokens), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => base.GetStreamingResponseAsync(Compact(messages, options, contextWindowTokens), options, cancellationToken);

    /// <summary>Returns the messages, compacted when their estimate passes the threshold of the window.</summary>
    public static IList<ChatMessage> Compact(IEnumerable<ChatMessage> messages, ChatOptions? options, int window)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        if (EstimateTokens(list, options) <= window * Threshold)
        {
            return list;
        }

        var toolMessages = list.Select((m, i) => (m, i)).Where(x => x.m.Role == ChatRole.Tool).Select(x => x.i).ToList();
        var keep = toolMessages.TakeLast(KeepRecentToolMessages).ToHashSet();
        var compacted = new List<ChatMessage>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            if (message.Role != ChatRole.Tool || keep.Contains(i))
            {
                compacted.Add(message);
                continue;
            }

            compacted.Add(new ChatMessage(ChatRole.Tool, [.. message.Contents.Select(Shrink)]));
        }

        return compacted;
    }

    /// <summary>Estimates the prompt tokens of a call: message text, tool arguments and results, tool schemas.</summary>
    public static long EstimateTokens(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        long chars = 0;
        foreach (var content in messages.SelectMany(m => m.Contents))
        {
            chars += content switch
            {
                TextContent text => text.Text.Length,
                FunctionCallContent call => call.Name.Length + (call.Arguments?.Sum(a => a.Key.Length + (a.Value?.ToString()?.Length ?? 0)) ?? 0),
                FunctionResultContent result => result.Result?.ToString()?.Length ?? 0,
                _ => 0,
            };
        }

        foreach (var tool in options?.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            chars += tool.Name.Length + (tool.Description?.Length ?? 0) + tool.JsonSchema.GetRawText().Length;
        }

        return chars / CharsPerToken;
    }

    private static AIContent Shrink(AIContent content) => content is FunctionResultContent result
        ? new FunctionResultContent(result.CallId, $"[compacted: an earlier tool result of {result.Result?.ToString()?.Length ?? 0} characters was dropped to fit the context window; call the tool again if it is still needed]")
        : content;
}
