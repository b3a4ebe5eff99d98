using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Agents;

/// <summary>An in-process model that picks its answer from the conversation it is sent, reports usage, and records every call.</summary>
internal sealed class ScriptedChatClient(string model, Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage> answer) : IChatClient
{
    private readonly Lock _lock = new();

    public List<List<ChatMessage>> Calls { get; } = [];

    public static ChatMessage Call(string id, string name, Dictionary<string, object?> arguments)
        => new(ChatRole.Assistant, [new FunctionCallContent(id, name, arguments)]);

    public static ChatMessage Text(string text) => new(ChatRole.Assistant, text);

    public static bool HasToolResult(IReadOnlyList<ChatMessage> messages) => messages.Any(m => m.Role == ChatRole.Tool);

    public static string LastToolResult(IReadOnlyList<ChatMessage> messages)
        => messages.Last(m => m.Role == ChatRole.Tool).Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()).Last() ?? "";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (_lock)
        {
            Calls.Add(list);
        }

        return Task.FromResult(new ChatResponse(answer(list, options))
        {
            ModelId = model,
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 10, TotalTokenCount = 110 },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, model) : null;

    public void Dispose()
    {
    }
}
