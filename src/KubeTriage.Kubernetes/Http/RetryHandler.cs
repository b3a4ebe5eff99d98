using System.Net;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Retries idempotent GETs after 429, transient 5xx or connection errors, honouring Retry-After, a bounded number of times.</summary>
internal sealed class RetryHandler(KubernetesClientOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (attempt >= options.MaxRetries || !IsRetryable(response))
                {
                    return response;
                }

                delay = RetryAfter(response) ?? Backoff(attempt);
                response.Dispose();
            }
            catch (HttpRequestException ex) when (attempt < options.MaxRetries && IsTransient(ex))
            {
                delay = Backoff(attempt);
            }

            await Task.Delay(Min(delay, options.MaxRetryDelay), options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;

        // A plain 500 without Retry-After is usually deterministic (e.g. pod logs with no reachable kubelet), so like
        // client-go it is only retried when the server asks for it; 429/502/503/504 are transient by nature.
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            || (code >= 500 && code < 600 && response.Headers.RetryAfter is not null);
    }

    // Name resolution and TLS failures do not heal by retrying; resets, refusals and truncated replies may.
    private static bool IsTransient(HttpRequestException ex) =>
        ex.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - options.TimeProvider.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private TimeSpan Backoff(int attempt) => options.RetryBaseDelay * Math.Pow(2, attempt);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
