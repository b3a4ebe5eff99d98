using System.Net;
using System.Runtime.CompilerServices;
using KubeTriage.AI.Providers.Http;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KubeTriage.AI.Middleware;

/// <summary>Retries transient provider failures (429, 5xx, 529, timeouts) with backoff that honours Retry-After.</summary>
/// <remarks>A stream is retried only until its first update arrives: after that the caller has seen output.</remarks>
internal sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    public RetryingChatClient(IChatClient innerClient, RetryOptions options, TimeProvider timeProvider)
        : base(innerClient)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ChatProviderException { RetryAfter: { } retryAfter }
                    ? (TimeSpan?)(retryAfter < options.MaxDelay ? retryAfter : options.MaxDelay)
                    : null),
        });
        if (options.AttemptTimeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        _pipeline = builder.Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        return await _pipeline.ExecuteAsync(
            async token => await base.GetResponseAsync(list, options, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        IAsyncEnumerator<ChatResponseUpdate>? stream = null;
        CancellationTokenSource? streamCancellation = null;
        var hasFirst = false;
        try
        {
            await _pipeline.ExecuteAsync(
                async attemptToken =>
                {
                    if (stream is not null)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                    }

                    streamCancellation?.Dispose();

                    // The attempt token dies with the attempt, so the stream gets its own token that the attempt's
                    // timeout can cancel only while we wait for the first update.
                    streamCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var cts = streamCancellation;
                    using var link = attemptToken.Register(() => cts.Cancel());
                    stream = base.GetStreamingResponseAsync(list, options, cts.Token).GetAsyncEnumerator(cts.Token);
                    hasFirst = await stream.MoveNextAsync().ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            if (!hasFirst)
            {
                yield break;
            }

            yield return stream!.Current;
            while (await stream.MoveNextAsync().ConfigureAwait(false))
            {
                yield return stream.Current;
            }
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            streamCancellation?.Dispose();
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || (int)status >= 500,
        TaskCanceledException { InnerException: TimeoutException } => true,
        IOException => true,
        _ => false,
    };
}
