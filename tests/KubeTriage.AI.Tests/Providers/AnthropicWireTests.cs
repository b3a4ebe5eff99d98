using KubeTriage.AI.Configuration;
using KubeTriage.AI.Providers;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Providers;

public sealed class AnthropicWireTests
{
    private const string ToolUseResponse = """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-test-1",
         "content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_2","name":"get_logs","input":{"pod":"web-2"}}],
         "stop_reason":"tool_use",
         "usage":{"input_tokens":10,"output_tokens":5,"cache_creation_input_tokens":100,"cache_read_input_tokens":200}}
        """;

    [Fact]
    public async Task GetResponseAsync_Conversation_SendsExactMessagesRequest()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolUseResponse));
        var client = Create(server);

        await client.GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.PathAndQuery);
        Assert.Equal("test-key", request.Header("x-api-key"));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
        TestConversation.AssertJsonEqual($$$"""
            {
              "model": "claude-test",
              "max_tokens": 512,
              "system": [{"type":"text","text":"You are KubeTriage.","cache_control":{"type":"ephemeral"}}],
              "messages": [
                {"role":"user","content":[{"type":"text","text":"Why is web-1 crashing?"}]},
                {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_logs","input":{"pod":"web-1"}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"OOMKilled"}]}
              ],
              "tools": [{"name":"get_logs","description":"Reads a pod's logs.","input_schema":{{{TestConversation.ToolSchema}}},"cache_control":{"type":"ephemeral"}}]
            }
            """, request.Json);
    }

    [Fact]
    public async Task GetResponseAsync_ToolUse_ParsesCallUsageAndFinishReason()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolUseResponse));

        var response = await Create(server).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        Assert.Equal("Checking.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("toolu_2", "get_logs", "web-2"), (call.CallId, call.Name, call.Arguments!["pod"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("claude-test-1", response.ModelId);
        Assert.Equal(310, response.Usage!.InputTokenCount);
        Assert.Equal(200, response.Usage.CachedInputTokenCount);
        Assert.Equal(100, response.Usage.AdditionalCounts![UsageCountKeys.CacheWriteInputTokens]);
        Assert.Equal(5, response.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolUseStream_AssemblesTextCallAndUsage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Sse(
            """event: message_start""" + "\n" + """data: {"type":"message_start","message":{"id":"msg_1","model":"claude-test-1","usage":{"input_tokens":10,"cache_read_input_tokens":200,"cache_creation_input_tokens":0,"output_tokens":1}}}""",
            """event: content_block_start""" + "\n" + """data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
            """event: content_block_delta""" + "\n" + """data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Check"}}""",
            """event: ping""" + "\n" + """data: {"type":"ping"}""",
            """event: content_block_delta""" + "\n" + """data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ing."}}""",
            """event: content_block_stop""" + "\n" + """data: {"type":"content_block_stop","index":0}""",
            """event: content_block_start""" + "\n" + """data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_2","name":"get_logs","input":{}}}""",
            """event: content_block_delta""" + "\n" + """data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"pod\": \"we"}}""",
            """event: content_block_delta""" + "\n" + """data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"b-2\"}"}}""",
            """event: content_block_stop""" + "\n" + """data: {"type":"content_block_stop","index":1}""",
            """event: message_delta""" + "\n" + """data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":42}}""",
            """event: message_stop""" + "\n" + """data: {"type":"message_stop"}"""));

        var updates = await Create(server).GetStreamingResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var response = updates.ToChatResponse();

        Assert.True(server.Requests.Single().Json["stream"]!.GetValue<bool>());
        Assert.Equal("Checking.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("web-2", call.Arguments!["pod"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(210, response.Usage!.InputTokenCount);
        Assert.Equal(42, response.Usage.OutputTokenCount);
        Assert.Equal(200, response.Usage.CachedInputTokenCount);
    }

    private static IChatClient Create(ScriptedLlmServer server) => ChatClientFactory.CreateProvider(
        new ProviderConfiguration
        {
            Provider = ProviderKind.Anthropic,
            ApiKey = "test-key",
            Endpoint = server.BaseUrl,
            CoordinatorModel = "claude-test",
            CollectorModel = "claude-test",
        },
        "claude-test");
}
