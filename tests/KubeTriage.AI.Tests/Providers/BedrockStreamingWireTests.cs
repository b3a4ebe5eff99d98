using KubeTriage.AI.Configuration;
using KubeTriage.AI.Providers;
using KubeTriage.AI.Providers.Http;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;
using static KubeTriage.AI.Tests.Server.EventStreamEncoder;

namespace KubeTriage.AI.Tests.Providers;

public sealed class BedrockStreamingWireTests
{
    internal static readonly byte[][] TextStream =
    [
        Event("messageStart", """{"role":"assistant","p":"abcd"}"""),
        Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Pod web-1 "},"p":"ab"}"""),
        Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"is OOMKilled."}}"""),
        Event("contentBlockStop", """{"contentBlockIndex":0}"""),
        Event("messageStop", """{"stopReason":"end_turn"}"""),
        Event("metadata", """{"usage":{"inputTokens":10,"outputTokens":7,"totalTokens":317,"cacheReadInputTokens":200,"cacheWriteInputTokens":100},"metrics":{"latencyMs":42}}"""),
    ];

    [Fact]
    public async Task GetStreamingResponseAsync_Conversation_SendsExactRequestToConverseStreamSignedWithSigV4()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.EventStream(TextStream));

        await Stream(server);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/model/us.anthropic.claude-test-v1:0/converse-stream", Uri.UnescapeDataString(request.PathAndQuery));
        Assert.StartsWith(BedrockWireTests.SigV4Prefix, request.Header("authorization"));
        Assert.Equal("20250102T030405Z", request.Header("x-amz-date"));
        TestConversation.AssertJsonEqual(BedrockWireTests.ExpectedRequest, request.Json);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TextStream_JoinsDeltasAndReportsUsageAndFinishReason()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.EventStream(TextStream));

        var updates = await Stream(server);
        var response = updates.ToChatResponse();

        Assert.Equal(["Pod web-1 ", "is OOMKilled."], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
        Assert.Equal("Pod web-1 is OOMKilled.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("us.anthropic.claude-test-v1:0", response.ModelId);
        Assert.Equal(310, response.Usage!.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
        Assert.Equal(317, response.Usage.TotalTokenCount);
        Assert.Equal(200, response.Usage.CachedInputTokenCount);
        Assert.Equal(100, response.Usage.AdditionalCounts![UsageCountKeys.CacheWriteInputTokens]);
        Assert.Equal(42L, updates.Single(u => u.Contents.OfType<UsageContent>().Any()).AdditionalProperties!["LatencyMs"]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolUseStream_YieldsOneCallOnceItsInputIsComplete()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.EventStream(
            Event("messageStart", """{"role":"assistant"}"""),
            Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Checking."}}"""),
            Event("contentBlockStop", """{"contentBlockIndex":0}"""),
            Event("contentBlockStart", """{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"tu_2","name":"get_logs"}}}"""),
            Event("contentBlockDelta", """{"contentBlockIndex":1,"delta":{"toolUse":{"input":"{\"pod\": \"we"}}}"""),
            Event("contentBlockDelta", """{"contentBlockIndex":1,"delta":{"toolUse":{"input":"b-2\", \"tail\": 50}"}}}"""),
            Event("contentBlockStop", """{"contentBlockIndex":1}"""),
            Event("messageStop", """{"stopReason":"tool_use"}"""),
            Event("metadata", """{"usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15},"metrics":{"latencyMs":9}}""")));

        var updates = await Stream(server);
        var response = updates.ToChatResponse();

        var callUpdate = Assert.Single(updates, u => u.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal(updates.FindIndex(u => u.FinishReason is not null) - 1, updates.IndexOf(callUpdate));
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("tu_2", "get_logs", "web-2", "50"), (call.CallId, call.Name, call.Arguments!["pod"]!.ToString(), call.Arguments["tail"]!.ToString()));
        Assert.Equal("Checking.", response.Text);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal((10, 5), (response.Usage!.InputTokenCount, response.Usage.OutputTokenCount));
    }

    [Theory]
    [InlineData(5, "prelude CRC mismatch")]
    [InlineData(-6, "message CRC mismatch")]
    public async Task GetStreamingResponseAsync_CorruptedFrame_ThrowsNamingTheFailedCrc(int flippedByte, string expected)
    {
        var corrupted = (byte[])TextStream[1].Clone();
        corrupted[flippedByte >= 0 ? flippedByte : corrupted.Length + flippedByte] ^= 0x40;
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.EventStream(TextStream[0], corrupted, TextStream[2]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Stream(server));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throttlingException", "Too many tokens, please wait before trying again.", 429)]
    [InlineData("validationException", "The model returned the following errors: bad tool schema", 400)]
    [InlineData("modelStreamErrorException", "Model stream ended unexpectedly", 424)]
    public async Task GetStreamingResponseAsync_ExceptionFrame_ThrowsWithItsMessageAndStatus(string type, string message, int status)
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.EventStream(
            TextStream[0], TextStream[1], Exception(type, message)));

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Stream(server));

        Assert.Equal(status, (int)error.StatusCode!);
        Assert.Equal($"bedrock returned {status}: {type}: {message}", error.Message);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ThrottledBeforeFirstEvent_RetriesThroughThePipeline()
    {
        await using var server = await ScriptedLlmServer.StartAsync(
            ScriptedResponse.EventStream(Exception("throttlingException", "slow down")), ScriptedResponse.EventStream(TextStream));
        var config = ProviderConfiguration.FromEnvironment(BedrockWireTests.Environment(server));
        var client = ChatClientFactory.Create(config, AgentRole.Coordinator, new ChatClientFactoryOptions { TimeProvider = new InstantTimeProvider() });

        var updates = await client.GetStreamingResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Pod web-1 is OOMKilled.", updates.ToChatResponse().Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_JsonInsteadOfEventStream_ThrowsShowingTheBody()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Json("""{"message":"not a stream"}"""));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Stream(server));

        Assert.Contains("application/json", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a stream", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<ChatResponseUpdate>> Stream(ScriptedLlmServer server)
        => await BedrockWireTests.Create(server)
            .GetStreamingResponseAsync(TestConversation.Messages(), TestConversation.Options(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
}
