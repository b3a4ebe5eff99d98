using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KubeTriage.Server.Observability;

/// <summary>The server's instruments (System.Diagnostics.Metrics) and its ActivitySource for traces.</summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "KubeTriage.Server";

    private readonly Meter _meter = new(Name);

    /// <summary>Gets the meter holding the instruments.</summary>
    public Meter Meter => _meter;

    /// <summary>Creates the instruments.</summary>
    public ServerMetrics()
    {
        Requests = _meter.CreateCounter<long>("kubetriage_http_requests", description: "HTTP requests by route and status code");
        Investigations = _meter.CreateCounter<long>("kubetriage_investigations", description: "Investigations by outcome");
        InvestigationDuration = _meter.CreateHistogram<double>("kubetriage_investigation_duration_seconds", "s", "Investigation duration");
        KubernetesCollections = _meter.CreateCounter<long>("kubetriage_kubernetes_collections", description: "Live cluster collections");
        KubernetesApiCalls = _meter.CreateCounter<long>("kubetriage_kubernetes_api_calls", description: "Kubernetes API requests made by collections");
        KubernetesApiErrors = _meter.CreateCounter<long>("kubetriage_kubernetes_api_errors", description: "Kubernetes API requests that failed");
        LlmTokens = _meter.CreateCounter<long>("kubetriage_llm_tokens", description: "LLM tokens by kind");
        LlmCost = _meter.CreateCounter<double>("kubetriage_llm_cost_usd", description: "LLM cost in US dollars");
    }

    /// <summary>Gets the activity source for request and investigation spans (W3C trace context).</summary>
    public static ActivitySource Tracing { get; } = new(Name);

    /// <summary>Gets the request counter.</summary>
    public Counter<long> Requests { get; }

    /// <summary>Gets the investigation counter (tag outcome).</summary>
    public Counter<long> Investigations { get; }

    /// <summary>Gets the investigation duration histogram.</summary>
    public Histogram<double> InvestigationDuration { get; }

    /// <summary>Gets the live collection counter.</summary>
    public Counter<long> KubernetesCollections { get; }

    /// <summary>Gets the Kubernetes API request counter.</summary>
    public Counter<long> KubernetesApiCalls { get; }

    /// <summary>Gets the failed Kubernetes API request counter.</summary>
    public Counter<long> KubernetesApiErrors { get; }

    /// <summary>Gets the LLM token counter.</summary>
    public Counter<long> LlmTokens { get; }

    /// <summary>Gets the LLM cost counter.</summary>
    public Counter<double> LlmCost { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
