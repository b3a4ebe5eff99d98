using System.Runtime.CompilerServices;
using KubeTriage.AI.Tools;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Tools;

public sealed class ToolLoopTests
{
    [Fact]
    public async Task RunAsync_ParallelCallsAndFailingTool_FeedsResultsBackAndStops()
    {
        var model = new ScriptedChatClient(
            new ChatResponse(new ChatMessage(ChatRole.Assistant,
            [
                new FunctionCallContent("a", "get_logs", new Dictionary<string, object?> { ["pod"] = "web-1" }),
                new FunctionCallContent("b", "explode"),
            ])),
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "web-1 is OOMKilled.")));
        AIFunction[] tools =
        [
            AIFunctionFactory.Create((string pod) => $"logs of {pod}", "get_logs"),
            AIFunctionFactory.Create(string () => throw new InvalidOperationException("boom"), "explode"),
        ];

        var result = await ToolLoop.RunAsync(model, [new(ChatRole.User, "why?")], tools, null, maxTurns: 5, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Turns);
        Assert.False(result.HitTurnLimit);
        Assert.Equal("web-1 is OOMKilled.", result.FinalResponse.Text);
        var results = model.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId);
        Assert.Equal("logs of web-1", results["a"].Result?.ToString());
        Assert.NotNull(results["b"].Exception);
        Assert.Contains("boom", results["b"].Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ModelKeepsCallingTools_StopsAtMaxTurns()
    {
        var call = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("a", "get_logs", new Dictionary<string, object?> { ["pod"] = "x" })]));
        var model = new ScriptedChatClient(call, call, call);

        var result = await ToolLoop.RunAsync(model, [new(ChatRole.User, "why?")], [AIFunctionFactory.Create((string pod) => pod, "get_logs")], null, maxTurns: 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Turns);
        Assert.True(result.HitTurnLimit);
        Assert.Equal(2, model.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var model = new ScriptedChatClient(new ChatResponse(new ChatMessage(ChatRole.Assistant, "x")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToolLoop.RunAsync(model, [new(ChatRole.User, "why?")], [], null, 3, cts.Token));
    }

    private sealed class ScriptedChatClient(params ChatResponse[] responses) : IChatClient
    {
        private int _next;

        public List<List<ChatMessage>> Calls { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Calls.Add([.. messages]);
            return Task.FromResult(responses[_next++]);
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
