using System.Collections;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Providers;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Providers;

public sealed class BedrockWireTests
{
    internal const string ToolUseResponse = """
        {"output":{"message":{"role":"assistant","content":[{"text":"Checking."},{"toolUse":{"toolUseId":"tu_2","name":"get_logs","input":{"pod":"web-2"}}}]}},
         "stopReason":"tool_use","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15,"cacheReadInputTokens":200,"cacheWriteInputTokens":100},"metrics":{"latencyMs":12}}
        """;

    internal const string SigV4Prefix =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250102/us-west-2/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=";

    internal static readonly string ExpectedRequest = """
        {
          "messages": [
            {"role":"user","content":[{"text":"Why is web-1 crashing?"}]},
            {"role":"assistant","content":[{"toolUse":{"toolUseId":"call_1","name":"get_logs","input":{"pod":"web-1"}}}]},
            {"role":"user","content":[{"toolResult":{"toolUseId":"call_1","content":[{"text":"OOMKilled"}]}}]}
          ],
          "system": [{"text":"You are KubeTriage."},{"cachePoint":{"type":"default"}}],
          "toolConfig": {"tools":[{"toolSpec":{"name":"get_logs","description":"Reads a pod's logs.","inputSchema":{"json":TOOL_SCHEMA}}}]},
          "inferenceConfig": {"maxTokens":512}
        }
        """.Replace("TOOL_SCHEMA", TestConversation.ToolSchema, StringComparison.Ordinal);

    [Fact]
    public async Task GetResponseAsync_Conversation_SendsExactConverseRequestSignedWithSigV4()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolUseResponse));

        await Create(server).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/model/us.anthropic.claude-test-v1:0/converse", Uri.UnescapeDataString(request.PathAndQuery));
        Assert.StartsWith(SigV4Prefix, request.Header("authorization"));
        Assert.Equal("20250102T030405Z", request.Header("x-amz-date"));
        Assert.Equal("session-token", request.Header("x-amz-security-token"));
        TestConversation.AssertJsonEqual(ExpectedRequest, request.Json);
    }

    [Fact]
    public async Task GetResponseAsync_ToolUse_ParsesCallUsageWithCacheAndFinishReason()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json(ToolUseResponse));

        var response = await Create(server).GetResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("tu_2", "web-2"), (call.CallId, call.Arguments!["pod"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(310, response.Usage!.InputTokenCount);
        Assert.Equal(200, response.Usage.CachedInputTokenCount);
        Assert.Equal(100, response.Usage.AdditionalCounts![UsageCountKeys.CacheWriteInputTokens]);
    }

    internal static IChatClient Create(ScriptedLlmServer server, ChatClientFactoryOptions? options = null)
    {
        var config = ProviderConfiguration.FromEnvironment(Environment(server));
        options ??= new ChatClientFactoryOptions();
        options.TimeProvider = new FixedClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        return ChatClientFactory.CreateProvider(config, config.CoordinatorModel, options);
    }

    internal static Hashtable Environment(ScriptedLlmServer server) => new()
    {
        ["AWS_REGION"] = "us-west-2",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ["AWS_SESSION_TOKEN"] = "session-token",
        ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = server.BaseUrl.ToString(),
        ["KUBETRIAGE_COORDINATOR_MODEL"] = "us.anthropic.claude-test-v1:0",
    };
}
