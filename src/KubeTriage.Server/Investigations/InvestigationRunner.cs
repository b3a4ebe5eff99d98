using System.Collections.Concurrent;
using System.Diagnostics;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Model;
using KubeTriage.Remediation.Actions;

namespace KubeTriage.Server.Investigations;

/// <summary>Runs one investigation: collect the cluster live, diagnose with the engine, and, for a question when an
/// LLM provider is configured, let the coordinator and collector agents investigate from the engine's map.</summary>
/// <remarks>
/// <see cref="AgentSettings"/> comes from the service container when a host or test registered one, else from the
/// config file and environment. Without a provider the engine's report is the whole answer.
/// </remarks>
internal sealed class InvestigationRunner(IClusterAccess clusters, CollectionCache cache, DiagnosisEngine engine, TimeProvider clock, AgentSettings? agents = null, ActionSuggester? suggester = null)
{
    // The share of timeout_seconds the agents may use, so the engine's answer still arrives when they overrun.
    private const double AgentTimeShare = 0.9;

    // One connection pool for every provider call; a per-call timeout is set in each pipeline instead.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly AgentSettings _agents = agents ?? LoadSettings();
    private readonly ConcurrentDictionary<string, IClusterReader> _readers = new(StringComparer.Ordinal);

    /// <summary>Gets whether questions are answered by the agents.</summary>
    public bool AgentsEnabled => _agents.Provider is not null;

    public Task<InvestigationResult> RunAsync(string? cluster, string? ns, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
        => RunAsync(cluster, ns, null, progress, ct);

    public async Task<InvestigationResult> RunAsync(
        string? cluster, string? ns, AgentRequest? question, Func<InvestigationProgress, Task>? progress, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString("n");
        var stopwatch = Stopwatch.StartNew();
        var name = string.IsNullOrEmpty(cluster) ? clusters.DefaultCluster : cluster;
        var client = clusters.Get(name);
        progress ??= _ => Task.CompletedTask;
        await progress(new InvestigationProgress("engine", "collect", $"listing objects, events and logs of cluster {name}{(ns is null ? "" : $", namespace {ns}")}"));

        var collection = await cache.GetAsync(name, ns, ct);
        await progress(new InvestigationProgress("engine", "diagnose", $"{collection.State.All.Count()} objects, {collection.State.LogCount} logs"));

        var report = Suggest(engine.Diagnose(collection.State, new DiagnosisOptions
        {
            Namespace = ns,
            CollectionWarnings = collection.Warnings,
            Capabilities = collection.Capabilities,
        }), collection.State);
        var engineMs = stopwatch.ElapsedMilliseconds;
        var engineShare = new AgentBreakdown("engine", null, engineMs, new TokenUsage(), 0m);
        if (question is null || _agents.Provider is null)
        {
            return new InvestigationResult(requestId, report, new InvestigationMetrics { DurationMs = engineMs, Breakdown = [engineShare] });
        }

        var ledger = new UsageLedger();
        var clients = _agents.CreateClients(ledger, Http, clock);
        var remaining = (question.Timeout * AgentTimeShare) - stopwatch.Elapsed;
        var coordinator = new Coordinator(clients.Coordinator, clients.Collector, ledger, clock, new CoordinatorOptions
        {
            MaxTurns = question.MaxTurns,
            MaxInputTokens = _agents.MaxInputTokens,
            Timeout = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1),
            EscalationClient = clients.Escalation,
            Management = Management(name),
            Progress = p => progress(new InvestigationProgress(p.Agent, p.Step, p.Detail)),
        });
        var workload = new ClusterView(Coordinator.WorkloadClusterName, collection.State, Reader(name));
        var outcome = await coordinator.InvestigateAsync(workload, report, question.Question, ct);
        return new InvestigationResult(requestId, Suggest(outcome.Report, collection.State), outcome.Metrics with
        {
            DurationMs = stopwatch.ElapsedMilliseconds,
            Breakdown = [engineShare, .. outcome.Metrics.Breakdown],
        });
    }

    // Root causes carry the typed actions that fit them, with their tier under the policy in force.
    private DiagnosisReport Suggest(DiagnosisReport report, ClusterState state) => suggester is null ? report : suggester.Attach(report, state);

    // The configured management cluster, else a registry entry named "management", never the cluster under investigation.
    private ClusterView? Management(string workload)
    {
        var name = _agents.ManagementCluster ?? (clusters.Clusters.Contains("management") ? "management" : null);
        return name is null || name == workload || !clusters.Clusters.Contains(name) ? null : ClusterView.LiveOnly("management", Reader(name));
    }

    // The tools get the read-only facade, never the client itself.
    private IClusterReader Reader(string cluster) => _readers.GetOrAdd(cluster, c => new KubernetesClusterReader(clusters.Get(c)));

    private static AgentSettings LoadSettings()
    {
        try
        {
            return AgentSettings.Load(Environment.GetEnvironmentVariables());
        }
        catch (ProviderConfigurationException ex)
        {
            // A broken config file must not take the API down: the engine answers, and /ready names the problem.
            return AgentSettings.None with { ProviderProblem = ex.Message };
        }
    }
}
