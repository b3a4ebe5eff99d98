using System.Text.Json.Nodes;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Builds the Chat Completions request body.</summary>
internal static class OpenAIRequest
{
    public static JsonObject Build(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream, bool maxCompletionTokens)
    {
        var wire = new JsonArray();
        foreach (var message in messages)
        {
            AddMessage(wire, message);
        }

        var body = new JsonObject { ["model"] = model, ["messages"] = wire };
        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count > 0 && options?.ToolMode is not NoneChatToolMode)
        {
            body["tools"] = new JsonArray([.. functions.Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = f.Name,
                    ["description"] = f.Description,
                    ["parameters"] = JsonContent.Schema(f),
                },
            })]);
            if (options?.ToolMode is RequiredChatToolMode required)
            {
                body["tool_choice"] = required.RequiredFunctionName is { } name
                    ? new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name } }
                    : "required";
            }
        }

        if (options?.MaxOutputTokens is { } max)
        {
            body[maxCompletionTokens ? "max_completion_tokens" : "max_tokens"] = max;
        }

        if (options?.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            body["stop"] = new JsonArray([.. stops.Select(s => (JsonNode)s)]);
        }

        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return body;
    }

    private static void AddMessage(JsonArray wire, ChatMessage message)
    {
        // Each tool result is its own "tool" message on this API.
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            wire.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = result.CallId, ["content"] = JsonContent.ResultText(result) });
        }

        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (text.Length == 0 && calls.Count == 0)
        {
            return;
        }

        var role = message.Role == ChatRole.Tool ? "user" : message.Role.Value;
        var node = new JsonObject { ["role"] = role, ["content"] = text.Length > 0 ? text : null };
        if (calls.Count > 0)
        {
            node["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.CallId,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonContent.ArgumentsObject(c.Arguments).ToJsonString() },
            })]);
        }

        wire.Add(node);
    }
}
