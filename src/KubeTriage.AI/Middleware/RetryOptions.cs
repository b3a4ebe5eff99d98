namespace KubeTriage.AI.Middleware;

/// <summary>Configures <see cref="RetryingChatClient"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Gets or sets how many times a failed call is retried.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Gets or sets the first backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest delay between attempts, including a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the time limit of one attempt (for streaming: until the first update), or null for none.</summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
