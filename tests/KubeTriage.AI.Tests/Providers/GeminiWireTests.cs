using KubeTriage.AI.Configuration;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Providers;

public sealed class GeminiWireTests
{
    internal const string CallResponse = """
        {"candidates":[{"content":{"role":"model","parts":[{"text":"Checking."},{"functionCall":{"id":"fc_2","name":"get_logs","args":{"pod":"web-2"}}}]},"finishReason":"STOP"}],
         "usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":7,"totalTokenCount":307,"cachedContentTokenCount":128},"modelVersion":"gemini-test-001","responseId":"r1"}
        """;

    [Fact]
    public async Task GetResponseAsync_Conversation_SendsExactGenerateContentRequest()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(CallResponse));

        await Create(server).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1beta/models/gemini-test:generateContent", request.PathAndQuery);
        Assert.Equal("test-key", request.Header("x-goog-api-key"));
        TestConversation.AssertJsonEqual("""
            {
              "systemInstruction": {"parts":[{"text":"You are KubeTriage."}]},
              "contents": [
                {"role":"user","parts":[{"text":"Why is web-1 crashing?"}]},
                {"role":"model","parts":[{"functionCall":{"id":"call_1","name":"get_logs","args":{"pod":"web-1"}}}]},
                {"role":"user","parts":[{"functionResponse":{"id":"call_1","name":"get_logs","response":{"output":"OOMKilled"}}}]}
              ],
              "tools": [{"functionDeclarations":[{"name":"get_logs","description":"Reads a pod's logs.","parametersJsonSchema":TOOL_SCHEMA}]}],
              "generationConfig": {"maxOutputTokens":512}
            }
            """.Replace("TOOL_SCHEMA", TestConversation.ToolSchema, StringComparison.Ordinal), request.Json);
    }

    [Fact]
    public async Task GetResponseAsync_FunctionCall_ParsesCallUsageAndFinishReason()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(CallResponse));

        var response = await Create(server).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("fc_2", "get_logs", "web-2"), (call.CallId, call.Name, call.Arguments!["pod"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("gemini-test-001", response.ModelId);
        Assert.Equal((300L, 7L, 128L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.CachedInputTokenCount!.Value));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SseChunks_AssemblesTextCallAndFinalUsage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Sse(
            """data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Check"}]}}],"usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":1},"modelVersion":"gemini-test-001"}""",
            """data: {"candidates":[{"content":{"role":"model","parts":[{"text":"ing."},{"functionCall":{"name":"get_logs","args":{"pod":"web-2"}}}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":7},"modelVersion":"gemini-test-001"}"""));

        var updates = await Create(server).GetStreamingResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        var response = updates.ToChatResponse();

        Assert.Equal("/v1beta/models/gemini-test:streamGenerateContent?alt=sse", server.Requests.Single().PathAndQuery);
        Assert.Equal("Checking.", response.Text);
        Assert.Equal("get_logs", Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Name);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(7, response.Usage!.OutputTokenCount);
    }

    private static IChatClient Create(ScriptedLlmServer server) => ChatClientFactory.CreateProvider(
        new ProviderConfiguration
        {
            Provider = ProviderKind.Gemini,
            ApiKey = "test-key",
            Endpoint = server.BaseUrl,
            CoordinatorModel = "gemini-test",
            CollectorModel = "gemini-test",
        },
        "gemini-test");
}
