using KubeTriage.AI.Configuration;
using KubeTriage.AI.Providers.Http;
using KubeTriage.AI.Tests.Server;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Middleware;

public sealed class RetryingChatClientTests
{
    private const string Ok = """{"id":"m","model":"claude-test","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}""";

    [Fact]
    public async Task GetResponseAsync_429ThenOverloaded_RetriesHonouringRetryAfter()
    {
        await using var server = await ScriptedLlmServer.StartAsync(
            ScriptedResponse.Error(429, retryAfterSeconds: "7"), ScriptedResponse.Error(529), ScriptedResponse.Json(Ok));
        var time = new InstantTimeProvider();

        var response = await Create(server, time).GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ok", response.Text);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Delays[0]);
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task GetResponseAsync_400_DoesNotRetry()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Error(400), ScriptedResponse.Json(Ok));

        var error = await Assert.ThrowsAsync<ChatProviderException>(() =>
            Create(server, new InstantTimeProvider()).GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(400, (int)error.StatusCode!);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_500BeforeFirstEvent_Retries()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Error(500), ScriptedResponse.Sse(
            """data: {"type":"message_start","message":{"id":"m","model":"claude-test","usage":{"input_tokens":1,"output_tokens":0}}}""",
            """data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}""",
            """data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}"""));

        var updates = await Create(server, new InstantTimeProvider()).GetStreamingResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ok", updates.ToChatResponse().Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureAfterFirstUpdate_DoesNotRetry()
    {
        await using var server = await ScriptedLlmServer.StartAsync(ScriptedResponse.Sse(
            """data: {"type":"message_start","message":{"id":"m","model":"claude-test","usage":{"input_tokens":1,"output_tokens":0}}}""",
            """data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"partial"}}""",
            """data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""), ScriptedResponse.Json(Ok));

        await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var update in Create(server, new InstantTimeProvider()).GetStreamingResponseAsync(
                [new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.Equal("partial", update.Text);
            }
        });
        Assert.Single(server.Requests);
    }

    private static IChatClient Create(ScriptedLlmServer server, TimeProvider time)
    {
        var options = new ChatClientFactoryOptions { TimeProvider = time };
        options.Retry.MaxRetryAttempts = 3;
        return ChatClientFactory.Create(
            new ProviderConfiguration
            {
                Provider = ProviderKind.Anthropic,
                ApiKey = "k",
                Endpoint = server.BaseUrl,
                CoordinatorModel = "claude-test",
                CollectorModel = "claude-test",
            },
            AgentRole.Coordinator,
            options);
    }
}
