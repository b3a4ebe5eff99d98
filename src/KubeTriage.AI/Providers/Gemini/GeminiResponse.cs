using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Gemini;

/// <summary>Maps a GenerateContentResponse (whole or one stream chunk) to MEAI contents.</summary>
internal static class GeminiResponse
{
    public static ChatResponse Parse(JsonElement root)
    {
        var chunk = ParseChunk(root);
        var message = new ChatMessage(ChatRole.Assistant, chunk.Contents) { MessageId = chunk.ResponseId };
        return new ChatResponse(message)
        {
            ResponseId = chunk.ResponseId,
            ModelId = chunk.ModelId,
            FinishReason = chunk.FinishReason,
            Usage = chunk.Usage,
        };
    }

    public static (List<AIContent> Contents, ChatFinishReason? FinishReason, UsageDetails? Usage, string? ModelId, string? ResponseId) ParseChunk(JsonElement root)
    {
        var contents = new List<AIContent>();
        ChatFinishReason? finish = null;
        if (root.TryGetProperty("candidates", out var candidates) && candidates.GetArrayLength() > 0)
        {
            var candidate = candidates[0];
            if (candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (JsonContent.String(part, "text") is { Length: > 0 } text)
                    {
                        contents.Add(new TextContent(text));
                    }
                    else if (part.TryGetProperty("functionCall", out var call))
                    {
                        var name = call.GetProperty("name").GetString()!;
                        var id = JsonContent.String(call, "id") ?? $"{name}-{Guid.NewGuid():N}";
                        contents.Add(new FunctionCallContent(id, name,
                            call.TryGetProperty("args", out var args) ? JsonContent.ParseArguments(args) : []));
                    }
                }
            }

            finish = FinishReason(JsonContent.String(candidate, "finishReason"), contents.OfType<FunctionCallContent>().Any());
        }

        UsageDetails? usage = null;
        if (root.TryGetProperty("usageMetadata", out var metadata))
        {
            usage = Usage.Create(
                JsonContent.Long(metadata, "promptTokenCount"),
                (JsonContent.Long(metadata, "candidatesTokenCount") ?? 0) + (JsonContent.Long(metadata, "thoughtsTokenCount") ?? 0),
                JsonContent.Long(metadata, "cachedContentTokenCount"),
                null);
            usage.ReasoningTokenCount = JsonContent.Long(metadata, "thoughtsTokenCount");
        }

        return (contents, finish, usage, JsonContent.String(root, "modelVersion"), JsonContent.String(root, "responseId"));
    }

    // Gemini reports STOP even when it returns function calls.
    private static ChatFinishReason? FinishReason(string? reason, bool hasCalls) => reason switch
    {
        null => null,
        "STOP" => hasCalls ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
