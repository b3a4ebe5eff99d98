using System.Net;

namespace KubeTriage.AI.Providers.Http;

/// <summary>Reports an error status returned by an LLM provider.</summary>
/// <remarks>Carries the server's Retry-After hint so retry middleware can honour it.</remarks>
public sealed class ChatProviderException : HttpRequestException
{
    /// <summary>Creates the exception for a failed provider call.</summary>
    public ChatProviderException(string provider, HttpStatusCode statusCode, TimeSpan? retryAfter, string message)
        : base($"{provider} returned {(int)statusCode}: {message}", null, statusCode)
    {
        Provider = provider;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the provider name that failed.</summary>
    public string Provider { get; }

    /// <summary>Gets the delay the server asked for before retrying, if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
