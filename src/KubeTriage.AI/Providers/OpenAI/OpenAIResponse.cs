using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Maps a Chat Completions response to MEAI types.</summary>
internal static class OpenAIResponse
{
    public static ChatResponse Parse(JsonElement root)
    {
        var id = JsonContent.String(root, "id");
        var message = new ChatMessage(ChatRole.Assistant, []) { MessageId = id };
        string? finish = null;
        if (root.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            finish = JsonContent.String(choice, "finish_reason");
            var wire = choice.GetProperty("message");
            if (JsonContent.String(wire, "content") is { Length: > 0 } text)
            {
                message.Contents.Add(new TextContent(text));
            }

            if (wire.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in calls.EnumerateArray())
                {
                    var function = call.GetProperty("function");
                    message.Contents.Add(new FunctionCallContent(
                        call.GetProperty("id").GetString()!,
                        function.GetProperty("name").GetString()!,
                        JsonContent.ParseArguments(JsonContent.String(function, "arguments"))));
                }
            }
        }

        return new ChatResponse(message)
        {
            ResponseId = id,
            ModelId = JsonContent.String(root, "model"),
            FinishReason = FinishReason(finish),
            Usage = ParseUsage(root),
        };
    }

    public static UsageDetails? ParseUsage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var cached = usage.TryGetProperty("prompt_tokens_details", out var details) ? JsonContent.Long(details, "cached_tokens") : null;
        var result = Usage.Create(JsonContent.Long(usage, "prompt_tokens"), JsonContent.Long(usage, "completion_tokens"), cached, null);
        if (usage.TryGetProperty("completion_tokens_details", out var completion))
        {
            result.ReasoningTokenCount = JsonContent.Long(completion, "reasoning_tokens");
        }

        return result;
    }

    public static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
