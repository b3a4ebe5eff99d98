using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.Http;

/// <summary>Splits a conversation into system blocks and strictly alternating user/assistant turns, as Anthropic and Bedrock require.</summary>
/// <remarks>Tool results arrive as separate Tool-role messages but must share one user turn, so consecutive same-role blocks merge.</remarks>
internal static class AlternatingTurns
{
    public static (JsonArray System, JsonArray Turns) Build(
        IEnumerable<ChatMessage> messages, Func<string, JsonObject> systemBlock, Func<ChatMessage, List<JsonNode>> blocksOf)
    {
        var system = new JsonArray();
        var turns = new JsonArray();
        string? lastRole = null;
        JsonArray? lastContent = null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                foreach (var text in message.Contents.OfType<TextContent>())
                {
                    system.Add(systemBlock(text.Text));
                }

                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = blocksOf(message);
            if (blocks.Count == 0)
            {
                continue;
            }

            if (role == lastRole && lastContent is not null)
            {
                blocks.ForEach(lastContent.Add);
                continue;
            }

            lastContent = [.. blocks];
            turns.Add(new JsonObject { ["role"] = role, ["content"] = lastContent });
            lastRole = role;
        }

        return (system, turns);
    }
}
