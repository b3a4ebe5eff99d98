using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tools;

/// <summary>Runs the model, executes the tools it asks for and feeds results back until it answers.</summary>
public static class ToolLoop
{
    /// <summary>Runs the loop for at most <paramref name="maxTurns"/> model calls.</summary>
    /// <remarks>Calls requested together run in parallel; a tool that throws becomes an error result the model can read.
    /// Unknown tool names become error results too. Cancellation stops both the model calls and the tools.</remarks>
    public static Task<ToolLoopResult> RunAsync(
        IChatClient client,
        IEnumerable<ChatMessage> messages,
        IReadOnlyList<AIFunction> tools,
        ChatOptions? options,
        int maxTurns,
        CancellationToken cancellationToken)
        => RunAsync(client, messages, tools, options, maxTurns, null, cancellationToken);

    /// <summary>Runs the loop for at most <paramref name="maxTurns"/> model calls, reporting tool calls and stopping early through <paramref name="hooks"/>.</summary>
    /// <remarks>When <see cref="ToolLoopHooks.ShouldStop"/> ends the loop the result has <see cref="ToolLoopResult.HitTurnLimit"/> set.</remarks>
    public static async Task<ToolLoopResult> RunAsync(
        IChatClient client,
        IEnumerable<ChatMessage> messages,
        IReadOnlyList<AIFunction> tools,
        ChatOptions? options,
        int maxTurns,
        ToolLoopHooks? hooks,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTurns, 1);
        var conversation = messages.ToList();
        var byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var turnOptions = options?.Clone() ?? new ChatOptions();
        turnOptions.Tools = [.. tools];
        var usage = new UsageDetails();

        for (var turn = 1; ; turn++)
        {
            var response = await client.GetResponseAsync(conversation, turnOptions, cancellationToken).ConfigureAwait(false);
            if (response.Usage is { } turnUsage)
            {
                usage.Add(turnUsage);
            }

            conversation.AddRange(response.Messages);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0 || turn >= maxTurns)
            {
                return new ToolLoopResult(conversation, response, turn, calls.Count > 0, usage);
            }

            if (hooks?.OnToolCall is { } onToolCall)
            {
                foreach (var call in calls)
                {
                    await onToolCall(call).ConfigureAwait(false);
                }
            }

            var results = await Task.WhenAll(calls.Select(c => InvokeAsync(byName, c, cancellationToken))).ConfigureAwait(false);
            conversation.Add(new ChatMessage(ChatRole.Tool, [.. results]));
            if (hooks?.ShouldStop?.Invoke() == true)
            {
                return new ToolLoopResult(conversation, response, turn, true, usage);
            }
        }
    }

    private static async Task<AIContent> InvokeAsync(
        Dictionary<string, AIFunction> tools, FunctionCallContent call, CancellationToken cancellationToken)
    {
        if (!tools.TryGetValue(call.Name, out var tool))
        {
            return new FunctionResultContent(call.CallId, $"Error: unknown tool '{call.Name}'.")
            {
                Exception = new InvalidOperationException($"Unknown tool '{call.Name}'."),
            };
        }

        try
        {
            var result = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken).ConfigureAwait(false);
            return new FunctionResultContent(call.CallId, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The model can often recover (fix arguments, try another tool), so the failure goes back as a result.
            return new FunctionResultContent(call.CallId, $"Error: {ex.GetType().Name}: {ex.Message}") { Exception = ex };
        }
    }
}
