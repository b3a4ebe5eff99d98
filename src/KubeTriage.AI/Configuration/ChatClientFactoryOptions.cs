using KubeTriage.AI.Middleware;

namespace KubeTriage.AI.Configuration;

/// <summary>Supplies the shared pieces of the pipelines built by <see cref="ChatClientFactory"/>.</summary>
public sealed class ChatClientFactoryOptions
{
    /// <summary>Gets or sets the HTTP client; null creates one per pipeline.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets the ledger that collects usage per agent.</summary>
    public UsageLedger Ledger { get; set; } = new();

    /// <summary>Gets or sets the model prices used for cost, and the context windows used for compaction.</summary>
    public PriceTable Prices { get; set; } = ModelCatalog.Defaults();

    /// <summary>Gets or sets the context window in tokens; null takes it from <see cref="Prices"/>, and an unknown model is not compacted.</summary>
    public int? ContextWindowTokens { get; set; }

    /// <summary>Gets the redaction settings.</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary>Gets the retry settings.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>Gets or sets the clock for backoff, timeouts and SigV4 signing.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the agent name recorded in the ledger; defaults to the role name.</summary>
    public string? AgentName { get; set; }
}
