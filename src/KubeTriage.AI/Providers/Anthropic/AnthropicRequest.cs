using System.Text.Json.Nodes;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Anthropic;

/// <summary>Builds the Messages API request body.</summary>
internal static class AnthropicRequest
{
    // The API requires max_tokens; this leaves room for a full diagnosis answer.
    public const int DefaultMaxTokens = 4096;

    public static JsonObject Build(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream)
    {
        var (system, turns) = AlternatingTurns.Build(messages, text => new JsonObject { ["type"] = "text", ["text"] = text }, Blocks);

        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = options?.MaxOutputTokens ?? DefaultMaxTokens,
        };
        if (system.Count > 0)
        {
            // Cache the stable prefix (system prompt) so repeated agent turns pay cache-read prices.
            system[^1]!["cache_control"] = Ephemeral();
            body["system"] = system;
        }

        body["messages"] = turns;
        AddTools(body, options);
        if (options?.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            body["stop_sequences"] = new JsonArray([.. stops.Select(s => (JsonNode)s)]);
        }

        if (stream)
        {
            body["stream"] = true;
        }

        return body;
    }

    private static void AddTools(JsonObject body, ChatOptions? options)
    {
        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count == 0 || options?.ToolMode is NoneChatToolMode)
        {
            return;
        }

        var tools = new JsonArray();
        foreach (var function in functions)
        {
            tools.Add(new JsonObject
            {
                ["name"] = function.Name,
                ["description"] = function.Description,
                ["input_schema"] = JsonContent.Schema(function),
            });
        }

        // A breakpoint on the last tool caches the whole tool list.
        tools[^1]!["cache_control"] = Ephemeral();
        body["tools"] = tools;
        if (options?.ToolMode is RequiredChatToolMode required)
        {
            body["tool_choice"] = required.RequiredFunctionName is { } name
                ? new JsonObject { ["type"] = "tool", ["name"] = name }
                : new JsonObject { ["type"] = "any" };
        }
    }

    private static List<JsonNode> Blocks(ChatMessage message)
    {
        var blocks = new List<JsonNode>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text when text.Text.Length > 0:
                    blocks.Add(new JsonObject { ["type"] = "text", ["text"] = text.Text });
                    break;
                case FunctionCallContent call:
                    blocks.Add(new JsonObject
                    {
                        ["type"] = "tool_use",
                        ["id"] = call.CallId,
                        ["name"] = call.Name,
                        ["input"] = JsonContent.ArgumentsObject(call.Arguments),
                    });
                    break;
                case FunctionResultContent result:
                    var block = new JsonObject
                    {
                        ["type"] = "tool_result",
                        ["tool_use_id"] = result.CallId,
                        ["content"] = JsonContent.ResultText(result),
                    };
                    if (result.Exception is not null)
                    {
                        block["is_error"] = true;
                    }

                    blocks.Add(block);
                    break;
            }
        }

        return blocks;
    }

    private static JsonObject Ephemeral() => new() { ["type"] = "ephemeral" };
}
