using System.ComponentModel;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Tools;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>Investigates a cluster with a strong model that delegates evidence gathering to cheap collector agents.</summary>
/// <remarks>
/// The clients must record usage into <paramref name="ledger"/> under <see cref="AgentNames"/> (as clients from
/// <see cref="Configuration.ChatClientFactory.Create"/> do); use one ledger per investigation. Nothing here can
/// change the cluster: the only tools are <see cref="DelegateToolName"/> and the read-only collector tools.
/// </remarks>
public sealed class Coordinator(IChatClient coordinatorClient, IChatClient collectorClient, UsageLedger ledger, TimeProvider? clock = null)
{
    /// <summary>The name of the coordinator's only tool.</summary>
    public const string DelegateToolName = "delegate";

    private const int MaxTurns = 10;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Investigates <paramref name="cluster"/>, starting from the deterministic <paramref name="engineReport"/>.</summary>
    /// <remarks>When the model's answer is not a valid report after one repair turn, returns the engine's report with a warning.</remarks>
    public async Task<InvestigationOutcome> InvestigateAsync(
        ClusterState cluster, DiagnosisReport engineReport, string question, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var run = new Run(new CollectorAgent(collectorClient, new ClusterTools(cluster, engineReport), _clock));
        AIFunction[] tools = [AIFunctionFactory.Create(run.DelegateAsync, DelegateToolName, "Sends a focused task to a collector agent and returns its findings.")];

        var result = await ToolLoop.RunAsync(
            coordinatorClient,
            [new(ChatRole.System, CoordinatorPrompt.System(engineReport)), new(ChatRole.User, question)],
            tools, null, MaxTurns, cancellationToken).ConfigureAwait(false);
        var turns = result.Turns;
        var report = ReportParser.TryParse(result.FinalResponse.Text, out var parsed, out var error) ? parsed : null;
        if (report is null)
        {
            // One repair turn; tools stay declared because providers reject tool history without them.
            var repair = await ToolLoop.RunAsync(
                coordinatorClient, [.. result.Messages, new(ChatRole.User, CoordinatorPrompt.Repair(error))],
                tools, null, 1, cancellationToken).ConfigureAwait(false);
            turns += repair.Turns;
            report = ReportParser.TryParse(repair.HitTurnLimit ? null : repair.FinalResponse.Text, out parsed, out error) ? parsed : null;
        }

        var final = report is null
            ? engineReport with { Warnings = [.. engineReport.Warnings, $"The AI investigation gave no valid report ({error}); this is the deterministic diagnosis."] }
            : report with
            {
                // The agents answer summary and root causes; what was collected is the engine's to report.
                Findings = engineReport.Findings,
                Capabilities = engineReport.Capabilities,
                Target = engineReport.Target,
                Warnings = [.. engineReport.Warnings, .. report.Warnings],
            };

        var duration = _clock.GetElapsedTime(started);
        var metrics = MetricsBuilder.Build(
            ledger,
            duration,
            turns + run.CollectorTurns,
            new Dictionary<string, string?>
            {
                [AgentNames.Coordinator] = ModelOf(coordinatorClient),
                [AgentNames.Collector] = ModelOf(collectorClient),
            },
            new Dictionary<string, TimeSpan> { [AgentNames.Coordinator] = duration, [AgentNames.Collector] = run.CollectorTime });
        return new InvestigationOutcome(final, metrics);
    }

    private static string? ModelOf(IChatClient client) => client.GetService<ChatClientMetadata>()?.DefaultModelId;

    // Per-investigation state the delegate tool adds to; collectors may run in parallel.
    private sealed class Run(CollectorAgent collector)
    {
        private int _turns;
        private long _ticks;

        public int CollectorTurns => Volatile.Read(ref _turns);

        public TimeSpan CollectorTime => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public async Task<string> DelegateAsync(
            [Description("What to find out, naming the objects to look at.")] string task,
            [Description("\"objects\" for specs, status and events; \"logs\" for container logs.")] string source,
            CancellationToken cancellationToken)
        {
            if (source is not (CollectorSources.Objects or CollectorSources.Logs))
            {
                return $"Error: source must be \"{CollectorSources.Objects}\" or \"{CollectorSources.Logs}\".";
            }

            var result = await collector.RunAsync(task, source, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _turns, result.Turns);
            Interlocked.Add(ref _ticks, result.Duration.Ticks);

            // Findings are a model's reading of untrusted data, so they stay framed as data.
            return ToolOutput.Frame($"collector {source}", result.Findings);
        }
    }
}
