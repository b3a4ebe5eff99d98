using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Maps a Converse API response to MEAI types.</summary>
internal static class BedrockResponse
{
    public static ChatResponse Parse(JsonElement root, string model)
    {
        var message = new ChatMessage(ChatRole.Assistant, []);
        if (root.TryGetProperty("output", out var output) && output.TryGetProperty("message", out var wire))
        {
            foreach (var block in wire.GetProperty("content").EnumerateArray())
            {
                if (JsonContent.String(block, "text") is { Length: > 0 } text)
                {
                    message.Contents.Add(new TextContent(text));
                }
                else if (block.TryGetProperty("toolUse", out var toolUse))
                {
                    message.Contents.Add(new FunctionCallContent(
                        toolUse.GetProperty("toolUseId").GetString()!,
                        toolUse.GetProperty("name").GetString()!,
                        JsonContent.ParseArguments(toolUse.GetProperty("input"))));
                }
            }
        }

        UsageDetails? usage = null;
        if (root.TryGetProperty("usage", out var wireUsage))
        {
            usage = Usage.FromUncached(
                JsonContent.Long(wireUsage, "inputTokens"),
                JsonContent.Long(wireUsage, "outputTokens"),
                JsonContent.Long(wireUsage, "cacheReadInputTokens"),
                JsonContent.Long(wireUsage, "cacheWriteInputTokens"));
        }

        return new ChatResponse(message)
        {
            ModelId = model,
            FinishReason = FinishReason(JsonContent.String(root, "stopReason")),
            Usage = usage,
        };
    }

    private static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
