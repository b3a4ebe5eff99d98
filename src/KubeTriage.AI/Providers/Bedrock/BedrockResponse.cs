using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Maps a Converse API response to MEAI types.</summary>
internal static class BedrockResponse
{
    /// <summary>Names the additional property that carries Bedrock's reported model latency (metrics.latencyMs).</summary>
    public const string LatencyMsKey = "LatencyMs";

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

        return new ChatResponse(message)
        {
            ModelId = model,
            FinishReason = FinishReason(JsonContent.String(root, "stopReason")),
            Usage = root.TryGetProperty("usage", out var usage) ? ParseUsage(usage) : null,
            AdditionalProperties = Metrics(root),
        };
    }

    /// <summary>Reads metrics.latencyMs from a Converse response or a ConverseStream metadata event.</summary>
    public static AdditionalPropertiesDictionary? Metrics(JsonElement parent)
        => parent.TryGetProperty("metrics", out var metrics) && JsonContent.Long(metrics, "latencyMs") is { } latency
            ? new AdditionalPropertiesDictionary { [LatencyMsKey] = latency }
            : null;

    /// <summary>Maps a TokenUsage object; Bedrock's inputTokens excludes cache reads and writes.</summary>
    public static UsageDetails ParseUsage(JsonElement usage) => Usage.FromUncached(
        JsonContent.Long(usage, "inputTokens"),
        JsonContent.Long(usage, "outputTokens"),
        JsonContent.Long(usage, "cacheReadInputTokens"),
        JsonContent.Long(usage, "cacheWriteInputTokens"));

    public static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
