using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests;

/// <summary>The conversation every wire test sends: system prompt, user question, one tool call and its result.</summary>
internal static class TestConversation
{
    public const string ToolSchema = """{"type":"object","properties":{"pod":{"type":"string"}},"required":["pod"]}""";

    public static AIFunctionDeclaration Tool { get; } = AIFunctionFactory.CreateDeclaration(
        "get_logs", "Reads a pod's logs.", JsonDocument.Parse(ToolSchema).RootElement);

    public static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, "You are KubeTriage."),
        new(ChatRole.User, "Why is web-1 crashing?"),
        new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_logs", new Dictionary<string, object?> { ["pod"] = "web-1" })]),
        new(ChatRole.Tool, [new FunctionResultContent("call_1", "OOMKilled")]),
    ];

    public static ChatOptions Options() => new() { Tools = [Tool], MaxOutputTokens = 512 };

    public static void AssertJsonEqual(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected:\n{expectedNode}\nActual:\n{actual}");
    }
}
