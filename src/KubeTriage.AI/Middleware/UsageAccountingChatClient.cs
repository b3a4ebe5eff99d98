using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Records each call's usage and cost under an agent name in a <see cref="UsageLedger"/>.</summary>
internal sealed class UsageAccountingChatClient(IChatClient innerClient, UsageLedger ledger, PriceTable prices, string agent)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Record(response.ModelId ?? options?.ModelId, response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        var model = options?.ModelId;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                model = update.ModelId ?? model;
                foreach (var content in update.Contents.OfType<UsageContent>())
                {
                    usage ??= new UsageDetails();
                    usage.Add(content.Details);
                }

                yield return update;
            }
        }
        finally
        {
            // Also on abort: tokens streamed before a failure are still billed.
            Record(model, usage);
        }
    }

    private void Record(string? model, UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        model ??= InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
        ledger.Record(agent, usage, prices.Cost(model, usage));
    }
}
