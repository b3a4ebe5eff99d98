using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers.OpenAI;

/// <summary>Turns Chat Completions stream chunks into streaming updates.</summary>
internal static class OpenAIStreamReader
{
    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(
        IAsyncEnumerable<(string EventType, JsonElement Data)> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Tool call fragments are keyed by their index; id and name come in the first fragment only.
        var calls = new SortedDictionary<int, (string Id, string Name, StringBuilder Arguments)>();
        string? id = null;
        string? model = null;
        ChatFinishReason? finish = null;

        await foreach (var (_, chunk) in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            id ??= JsonContent.String(chunk, "id");
            model ??= JsonContent.String(chunk, "model");
            if (chunk.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.TryGetProperty("delta", out var delta))
                    {
                        if (JsonContent.String(delta, "content") is { Length: > 0 } text)
                        {
                            yield return Update(id, model, new TextContent(text));
                        }

                        Accumulate(calls, delta);
                    }

                    if (JsonContent.String(choice, "finish_reason") is { } reason)
                    {
                        finish = OpenAIResponse.FinishReason(reason);
                    }
                }
            }

            if (OpenAIResponse.ParseUsage(chunk) is { } usage)
            {
                yield return Update(id, model, new UsageContent(usage));
            }
        }

        var final = new ChatResponseUpdate(ChatRole.Assistant, [.. calls.Values.Select(c =>
            (AIContent)new FunctionCallContent(c.Id, c.Name, JsonContent.ParseArguments(c.Arguments.ToString())))])
        {
            MessageId = id,
            ResponseId = id,
            ModelId = model,
            FinishReason = finish,
        };
        yield return final;
    }

    private static void Accumulate(SortedDictionary<int, (string Id, string Name, StringBuilder Arguments)> calls, JsonElement delta)
    {
        if (!delta.TryGetProperty("tool_calls", out var fragments) || fragments.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var fragment in fragments.EnumerateArray())
        {
            var index = fragment.TryGetProperty("index", out var i) ? i.GetInt32() : calls.Count;
            if (!calls.TryGetValue(index, out var call))
            {
                call = (JsonContent.String(fragment, "id") ?? $"call_{index}", "", new StringBuilder());
            }

            if (fragment.TryGetProperty("function", out var function))
            {
                if (JsonContent.String(function, "name") is { Length: > 0 } name)
                {
                    call.Name = name;
                }

                call.Arguments.Append(JsonContent.String(function, "arguments"));
            }

            calls[index] = call;
        }
    }

    private static ChatResponseUpdate Update(string? id, string? model, AIContent content) => new(ChatRole.Assistant, [content])
    {
        MessageId = id,
        ResponseId = id,
        ModelId = model,
    };
}
