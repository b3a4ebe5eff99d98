using KubeTriage.AI.Middleware;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Middleware;

public sealed class CompactingChatClientTests
{
    [Fact]
    public void Compact_NearTheWindow_OldToolResultsShrunkLatestKept()
    {
        var messages = Conversation(toolResults: 4, chars: 4_000);

        var compacted = CompactingChatClient.Compact(messages, null, 4_000);

        var results = compacted.Where(m => m.Role == ChatRole.Tool).Select(m => m.Contents.OfType<FunctionResultContent>().Single()).ToList();
        Assert.Equal(["call_0", "call_1", "call_2", "call_3"], results.Select(r => r.CallId));
        Assert.All(results.Take(2), r => Assert.StartsWith("[compacted: an earlier tool result of 4000 characters", r.Result!.ToString(), StringComparison.Ordinal));
        Assert.All(results.Skip(2), r => Assert.Equal(4_000, r.Result!.ToString()!.Length));
        Assert.True(CompactingChatClient.EstimateTokens(compacted, null) < 4_000 * CompactingChatClient.Threshold);

        // The caller's conversation is left as it was.
        Assert.Equal(4_000, messages.Where(m => m.Role == ChatRole.Tool).Select(m => m.Contents.OfType<FunctionResultContent>().Single().Result!.ToString()!.Length).First());
    }

    [Fact]
    public void Compact_WellInsideTheWindow_SameMessages()
    {
        var messages = Conversation(toolResults: 4, chars: 400);

        Assert.Same(messages, CompactingChatClient.Compact(messages, null, 200_000));
    }

    private static List<ChatMessage> Conversation(int toolResults, int chars)
    {
        List<ChatMessage> messages = [new(ChatRole.System, "You are KubeTriage."), new(ChatRole.User, "Why?")];
        for (var i = 0; i < toolResults; i++)
        {
            messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{i}", "get_logs", new Dictionary<string, object?> { ["pod"] = "web-1" })]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"call_{i}", new string('x', chars))]));
        }

        return messages;
    }
}
