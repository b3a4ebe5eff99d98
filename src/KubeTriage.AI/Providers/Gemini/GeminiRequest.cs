using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Gemini;

/// <summary>Builds the generateContent request body.</summary>
internal static class GeminiRequest
{
    public static JsonObject Build(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();

        // functionResponse is matched by name, but MEAI results carry only the call id.
        var namesByCallId = list.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var system = new JsonArray();
        var contents = new JsonArray();
        string? lastRole = null;
        JsonArray? lastParts = null;

        foreach (var message in list)
        {
            if (message.Role == ChatRole.System)
            {
                foreach (var text in message.Contents.OfType<TextContent>())
                {
                    system.Add(new JsonObject { ["text"] = text.Text });
                }

                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "model" : "user";
            var parts = Parts(message, namesByCallId);
            if (parts.Count == 0)
            {
                continue;
            }

            if (role == lastRole && lastParts is not null)
            {
                parts.ForEach(lastParts.Add);
                continue;
            }

            lastParts = [.. parts];
            contents.Add(new JsonObject { ["role"] = role, ["parts"] = lastParts });
            lastRole = role;
        }

        var body = new JsonObject();
        if (system.Count > 0)
        {
            body["systemInstruction"] = new JsonObject { ["parts"] = system };
        }

        body["contents"] = contents;
        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count > 0 && options?.ToolMode is not NoneChatToolMode)
        {
            body["tools"] = new JsonArray(new JsonObject
            {
                ["functionDeclarations"] = new JsonArray([.. functions.Select(f => (JsonNode)new JsonObject
                {
                    ["name"] = f.Name,
                    ["description"] = f.Description,
                    // Full JSON Schema; the older "parameters" field accepts only an OpenAPI subset.
                    ["parametersJsonSchema"] = JsonContent.Schema(f),
                })]),
            });
        }

        var generation = new JsonObject();
        if (options?.MaxOutputTokens is { } max)
        {
            generation["maxOutputTokens"] = max;
        }

        if (options?.Temperature is { } temperature)
        {
            generation["temperature"] = temperature;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            generation["stopSequences"] = new JsonArray([.. stops.Select(s => (JsonNode)s)]);
        }

        if (generation.Count > 0)
        {
            body["generationConfig"] = generation;
        }

        return body;
    }

    private static List<JsonNode> Parts(ChatMessage message, Dictionary<string, string> namesByCallId)
    {
        var parts = new List<JsonNode>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text when text.Text.Length > 0:
                    parts.Add(new JsonObject { ["text"] = text.Text });
                    break;
                case FunctionCallContent call:
                    parts.Add(new JsonObject
                    {
                        ["functionCall"] = new JsonObject
                        {
                            ["id"] = call.CallId,
                            ["name"] = call.Name,
                            ["args"] = JsonContent.ArgumentsObject(call.Arguments),
                        },
                    });
                    break;
                case FunctionResultContent result:
                    parts.Add(new JsonObject
                    {
                        ["functionResponse"] = new JsonObject
                        {
                            ["id"] = result.CallId,
                            ["name"] = namesByCallId.GetValueOrDefault(result.CallId, result.CallId),
                            ["response"] = Response(result),
                        },
                    });
                    break;
            }
        }

        return parts;
    }

    private static JsonObject Response(FunctionResultContent result)
    {
        var text = JsonContent.ResultText(result);
        var key = result.Exception is null ? "output" : "error";
        return new JsonObject { [key] = text };
    }
}
