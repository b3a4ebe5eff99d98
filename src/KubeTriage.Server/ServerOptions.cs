namespace KubeTriage.Server;

/// <summary>Settings of <c>kubetriage serve</c>.</summary>
public sealed record ServerOptions
{
    /// <summary>Gets the address to bind; loopback by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gets the port (0 picks a free one).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Gets the accepted API keys (bearer tokens); empty means no authentication.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>Gets whether serving a non-loopback address without API keys was explicitly intended.</summary>
    public bool AllowUnauthenticated { get; init; }

    /// <summary>Gets how many investigations run at once.</summary>
    public int MaxConcurrentInvestigations { get; init; } = 4;

    /// <summary>Gets how many investigations may wait for a slot before requests get 429.</summary>
    public int MaxQueuedInvestigations { get; init; } = 64;

    /// <summary>Gets the largest accepted request body.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets how many requests one client may send per minute.</summary>
    public int RequestsPerMinutePerClient { get; init; } = 600;

    /// <summary>Gets how old a shared cluster collection may be before an investigation collects again (zero: never share).</summary>
    public TimeSpan CollectionMaxAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the deadline of one live collection.</summary>
    public TimeSpan CollectionTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets where threads and investigations are kept: SQLite in the data directory, or PostgreSQL.</summary>
    public Storage.StoreOptions Store { get; init; } = new();

    /// <summary>Gets the remediation settings: autonomy policy file (none: read-only), audit file, approval expiry.</summary>
    public KubeTriage.Remediation.RemediationOptions Remediation { get; init; } = new();

    /// <summary>Gets the kubectl the chat command flow runs; null finds it on PATH.</summary>
    public string? KubectlPath { get; init; }

    /// <summary>Gets the kubeconfig file kubectl uses when a chat thread sent none; null uses kubectl's own default.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Gets the kubeconfig context kubectl uses when a chat thread sent no kubeconfig.</summary>
    public string? KubeContext { get; init; }

    /// <summary>Gets the version reported by <c>GET /</c>.</summary>
    public string Version { get; init; } = typeof(ServerOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
