using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Anthropic;

/// <summary>Maps Messages API responses and their parts to MEAI types.</summary>
internal static class AnthropicResponse
{
    public static ChatResponse Parse(JsonElement root)
    {
        var message = new ChatMessage(ChatRole.Assistant, []) { MessageId = JsonContent.String(root, "id") };
        foreach (var block in root.GetProperty("content").EnumerateArray())
        {
            switch (JsonContent.String(block, "type"))
            {
                case "text":
                    message.Contents.Add(new TextContent(block.GetProperty("text").GetString()));
                    break;
                case "tool_use":
                    message.Contents.Add(new FunctionCallContent(
                        block.GetProperty("id").GetString()!,
                        block.GetProperty("name").GetString()!,
                        JsonContent.ParseArguments(block.GetProperty("input"))));
                    break;
            }
        }

        return new ChatResponse(message)
        {
            ResponseId = message.MessageId,
            ModelId = JsonContent.String(root, "model"),
            FinishReason = FinishReason(JsonContent.String(root, "stop_reason")),
            Usage = root.TryGetProperty("usage", out var usage) ? ParseUsage(usage) : null,
        };
    }

    public static UsageDetails ParseUsage(JsonElement usage) => Usage.FromUncached(
        JsonContent.Long(usage, "input_tokens"),
        JsonContent.Long(usage, "output_tokens"),
        JsonContent.Long(usage, "cache_read_input_tokens"),
        JsonContent.Long(usage, "cache_creation_input_tokens"));

    public static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
