using System.Text.Json.Nodes;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Bedrock;

/// <summary>Builds the Converse API request body.</summary>
internal static class BedrockRequest
{
    public static JsonObject Build(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var (system, turns) = AlternatingTurns.Build(messages, text => new JsonObject { ["text"] = text }, Blocks);

        var body = new JsonObject { ["messages"] = turns };
        if (system.Count > 0)
        {
            // A cache point after the system prompt caches it on models that support prompt caching.
            system.Add(new JsonObject { ["cachePoint"] = new JsonObject { ["type"] = "default" } });
            body["system"] = system;
        }

        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count > 0 && options?.ToolMode is not NoneChatToolMode)
        {
            body["toolConfig"] = new JsonObject
            {
                ["tools"] = new JsonArray([.. functions.Select(f => (JsonNode)new JsonObject
                {
                    ["toolSpec"] = new JsonObject
                    {
                        ["name"] = f.Name,
                        ["description"] = f.Description,
                        ["inputSchema"] = new JsonObject { ["json"] = JsonContent.Schema(f) },
                    },
                })]),
            };
        }

        var inference = new JsonObject();
        if (options?.MaxOutputTokens is { } max)
        {
            inference["maxTokens"] = max;
        }

        if (options?.Temperature is { } temperature)
        {
            inference["temperature"] = temperature;
        }

        if (inference.Count > 0)
        {
            body["inferenceConfig"] = inference;
        }

        return body;
    }

    private static List<JsonNode> Blocks(ChatMessage message)
    {
        var blocks = new List<JsonNode>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text when text.Text.Length > 0:
                    blocks.Add(new JsonObject { ["text"] = text.Text });
                    break;
                case FunctionCallContent call:
                    blocks.Add(new JsonObject
                    {
                        ["toolUse"] = new JsonObject
                        {
                            ["toolUseId"] = call.CallId,
                            ["name"] = call.Name,
                            ["input"] = JsonContent.ArgumentsObject(call.Arguments),
                        },
                    });
                    break;
                case FunctionResultContent result:
                    var toolResult = new JsonObject
                    {
                        ["toolUseId"] = result.CallId,
                        ["content"] = new JsonArray(new JsonObject { ["text"] = JsonContent.ResultText(result) }),
                    };
                    if (result.Exception is not null)
                    {
                        toolResult["status"] = "error";
                    }

                    blocks.Add(new JsonObject { ["toolResult"] = toolResult });
                    break;
            }
        }

        return blocks;
    }
}
