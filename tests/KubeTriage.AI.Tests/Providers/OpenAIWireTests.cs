using KubeTriage.AI.Configuration;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Providers;

public sealed class OpenAIWireTests
{
    private const string ToolCallResponse = """
        {"id":"chatcmpl-1","model":"gpt-test-1","choices":[{"index":0,"message":{"role":"assistant","content":null,
         "tool_calls":[{"id":"call_2","type":"function","function":{"name":"get_logs","arguments":"{\"pod\":\"web-2\"}"}}]},"finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":300,"completion_tokens":7,"total_tokens":307,"prompt_tokens_details":{"cached_tokens":256}}}
        """;

    [Fact]
    public async Task GetResponseAsync_Conversation_SendsExactChatCompletionsRequest()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolCallResponse));

        await Create(server, ProviderKind.OpenAI).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer test-key", request.Header("authorization"));
        TestConversation.AssertJsonEqual($$$"""
            {
              "model": "gpt-test",
              "messages": [
                {"role":"system","content":"You are KubeTriage."},
                {"role":"user","content":"Why is web-1 crashing?"},
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_logs","arguments":"{\"pod\":\"web-1\"}"}}]},
                {"role":"tool","tool_call_id":"call_1","content":"OOMKilled"}
              ],
              "tools": [{"type":"function","function":{"name":"get_logs","description":"Reads a pod's logs.","parameters":{{{TestConversation.ToolSchema}}}}}],
              "max_tokens": 512
            }
            """, request.Json);
    }

    [Fact]
    public async Task GetResponseAsync_Azure_UsesDeploymentUrlApiKeyHeaderAndVersion()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolCallResponse));

        await Create(server, ProviderKind.AzureOpenAI).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-test/chat/completions?api-version=2024-10-21", request.PathAndQuery);
        Assert.Equal("test-key", request.Header("api-key"));
        Assert.Equal("", request.Header("authorization"));
        Assert.Equal(512, request.Json["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetResponseAsync_ToolCall_ParsesCallUsageAndFinishReason()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolCallResponse));

        var response = await Create(server, ProviderKind.OpenAI).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_2", "get_logs", "web-2"), (call.CallId, call.Name, call.Arguments!["pod"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("gpt-test-1", response.ModelId);
        Assert.Equal((300L, 7L, 256L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.CachedInputTokenCount!.Value));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCallChunks_AssemblesCallAndUsage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Sse(
            """data: {"id":"c1","model":"gpt-test-1","choices":[{"index":0,"delta":{"role":"assistant","content":"Checking."},"finish_reason":null}]}""",
            """data: {"id":"c1","model":"gpt-test-1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_2","type":"function","function":{"name":"get_logs","arguments":"{\"po"}}]},"finish_reason":null}]}""",
            """data: {"id":"c1","model":"gpt-test-1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"d\":\"web-2\"}"}}]},"finish_reason":null}]}""",
            """data: {"id":"c1","model":"gpt-test-1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
            """data: {"id":"c1","model":"gpt-test-1","choices":[],"usage":{"prompt_tokens":300,"completion_tokens":7,"total_tokens":307}}""",
            "data: [DONE]"));

        var updates = await Create(server, ProviderKind.Ollama).GetStreamingResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        var response = updates.ToChatResponse();

        var body = server.Requests.Single().Json;
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
        Assert.Equal("Checking.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_2", "web-2"), (call.CallId, call.Arguments!["pod"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(307, response.Usage!.TotalTokenCount);
    }

    private static IChatClient Create(ScriptedLlmServer server, ProviderKind kind) => ChatClientFactory.CreateProvider(
        new ProviderConfiguration
        {
            Provider = kind,
            ApiKey = "test-key",
            Endpoint = kind == ProviderKind.AzureOpenAI ? server.BaseUrl : new Uri(server.BaseUrl, "v1/"),
            ApiVersion = kind == ProviderKind.AzureOpenAI ? "2024-10-21" : null,
            CoordinatorModel = "gpt-test",
            CollectorModel = "gpt-test",
        },
        "gpt-test");
}
