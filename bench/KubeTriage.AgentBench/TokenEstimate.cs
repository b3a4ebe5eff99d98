using KubeTriage.AI.Middleware;
using Microsoft.Extensions.AI;

namespace KubeTriage.AgentBench;

/// <summary>One tokenizer estimate for both agents: four characters a token, over everything a provider would be sent.</summary>
internal static class TokenEstimate
{
    public static long Of(string text) => text.Length / 4;

    /// <summary>Estimates a call's prompt: message text, tool calls and results, and the tool schemas.</summary>
    public static long Of(IEnumerable<ChatMessage> messages, ChatOptions? options) => CompactingChatClient.EstimateTokens(messages, options);
}
