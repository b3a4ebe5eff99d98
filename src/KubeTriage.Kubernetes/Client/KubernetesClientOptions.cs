using System.Reflection;

namespace KubeTriage.Kubernetes;

/// <summary>Tunes the HTTP behaviour of a <see cref="KubernetesClient"/>.</summary>
public sealed record KubernetesClientOptions
{
    /// <summary>Gets the User-Agent header, "kubetriage/&lt;version&gt;" by default.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent();

    /// <summary>Gets the timeout of one non-watch call, including retries; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how many times an idempotent GET is retried after 429, 5xx or a connection error.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Gets the first retry delay when the server sends no Retry-After; it doubles each time.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets the cap on any single retry delay, including Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how often a token file is re-read.</summary>
    public TimeSpan TokenFileRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how many discovery requests run at once.</summary>
    public int DiscoveryConcurrency { get; init; } = 8;

    /// <summary>Gets the clock used for credential expiry and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal Func<bool> StdinIsTerminal { get; init; } = () => !Console.IsInputRedirected;

    private static string DefaultUserAgent()
    {
        var version = typeof(KubernetesClientOptions).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"kubetriage/{(plus >= 0 ? version[..plus] : version)}";
    }
}
