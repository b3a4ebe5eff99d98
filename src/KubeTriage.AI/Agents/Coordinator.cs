using System.ComponentModel;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Tools;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using Microsoft.Extensions.AI;
using Polly.Timeout;

namespace KubeTriage.AI.Agents;

/// <summary>Investigates a cluster with a strong model that delegates evidence gathering to cheap collector agents.</summary>
/// <remarks>
/// The clients must record usage into <paramref name="ledger"/> under <see cref="AgentNames"/> (as clients from
/// <see cref="Configuration.ChatClientFactory.Create"/> do); use one ledger per investigation. Nothing here can
/// change a cluster: the only tools are <see cref="DelegateToolName"/> and the read-only collector tools.
/// Whatever goes wrong with the model (no valid answer, provider down, time limit) the engine's report comes back
/// with a warning; only the caller's own cancellation escapes as an exception.
/// </remarks>
public sealed class Coordinator(
    IChatClient coordinatorClient, IChatClient collectorClient, UsageLedger ledger, TimeProvider? clock = null, CoordinatorOptions? options = null)
{
    /// <summary>The name of the coordinator's only tool.</summary>
    public const string DelegateToolName = "delegate";

    /// <summary>The name models use for the cluster under investigation.</summary>
    public const string WorkloadClusterName = "workload";

    private readonly IChatClient _collectorClient = collectorClient;
    private readonly UsageLedger _ledger = ledger;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly CoordinatorOptions _options = options ?? new CoordinatorOptions();

    /// <summary>Investigates a collected <paramref name="cluster"/>, starting from the deterministic <paramref name="engineReport"/>.</summary>
    public Task<InvestigationOutcome> InvestigateAsync(
        ClusterState cluster, DiagnosisReport engineReport, string question, CancellationToken cancellationToken)
        => InvestigateAsync(new ClusterView(WorkloadClusterName, cluster), engineReport, question, cancellationToken);

    /// <summary>Investigates <paramref name="workload"/> (collected state, and a live reader when there is one).</summary>
    /// <remarks>When the model's answer is not a valid report after one repair turn, returns the engine's report with a warning.</remarks>
    public async Task<InvestigationOutcome> InvestigateAsync(
        ClusterView workload, DiagnosisReport engineReport, string question, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        var run = new Run(this, workload, engineReport);
        var turns = 0;
        DiagnosisReport final;
        try
        {
            (var report, var error, turns) = await AskAsync(run, engineReport, question, deadline.Token).ConfigureAwait(false);
            final = report is null
                ? await FallBackAsync(engineReport, $"The AI investigation gave no valid report ({error}); this is the deterministic diagnosis.").ConfigureAwait(false)
                : report with
                {
                    // The agents answer summary and root causes; what was collected is the engine's to report.
                    Findings = engineReport.Findings,
                    Capabilities = engineReport.Capabilities,
                    Target = engineReport.Target,
                    Warnings = [.. engineReport.Warnings, .. report.Warnings],
                };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            final = await FallBackAsync(engineReport, $"The AI investigation did not finish within {_options.Timeout!.Value.TotalSeconds:0} s; this is the deterministic diagnosis.").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            final = await FallBackAsync(engineReport, $"The LLM provider failed ({ex.Message}); this is the deterministic diagnosis.").ConfigureAwait(false);
        }

        var duration = _clock.GetElapsedTime(started);
        var metrics = MetricsBuilder.Build(
            _ledger,
            duration,
            turns + run.CollectorTurns,
            new Dictionary<string, string?>
            {
                [AgentNames.Coordinator] = ModelOf(coordinatorClient),
                [AgentNames.Collector] = ModelOf(_collectorClient),
                [AgentNames.CollectorEscalation] = _options.EscalationClient is { } escalation ? ModelOf(escalation) : null,
            },
            new Dictionary<string, TimeSpan>
            {
                [AgentNames.Coordinator] = duration,
                [AgentNames.Collector] = run.CollectorTime,
                [AgentNames.CollectorEscalation] = run.EscalationTime,
            });
        return new InvestigationOutcome(final, metrics);
    }

    private async Task<(DiagnosisReport? Report, string Error, int Turns)> AskAsync(Run run, DiagnosisReport engineReport, string question, CancellationToken ct)
    {
        AIFunction[] tools = [AIFunctionFactory.Create(run.DelegateAsync, DelegateToolName, "Sends a focused task to a collector agent and returns its condensed findings.")];
        var hooks = new ToolLoopHooks { ShouldStop = run.BudgetSpent };
        var result = await ToolLoop.RunAsync(
            coordinatorClient,
            [new(ChatRole.System, CoordinatorPrompt.System(engineReport, _options.Management is not null)), new(ChatRole.User, question)],
            tools, null, _options.MaxTurns, hooks, ct).ConfigureAwait(false);
        var turns = result.Turns;
        var error = "the turn or token budget ran out";
        var report = !result.HitTurnLimit && ReportParser.TryParse(result.FinalResponse.Text, out var parsed, out error) ? parsed : null;
        if (report is null)
        {
            // One repair turn; tools stay declared because providers reject tool history without them.
            var prompt = result.HitTurnLimit ? CoordinatorPrompt.Finish : CoordinatorPrompt.Repair(error);
            var repair = await ToolLoop.RunAsync(
                coordinatorClient, [.. result.Messages, new(ChatRole.User, prompt)], tools, null, 1, ct).ConfigureAwait(false);
            turns += repair.Turns;
            report = ReportParser.TryParse(repair.HitTurnLimit ? null : repair.FinalResponse.Text, out parsed, out error) ? parsed : null;
        }

        return (report, error, turns);
    }

    private async Task<DiagnosisReport> FallBackAsync(DiagnosisReport engineReport, string warning)
    {
        await ReportAsync(new AgentProgress("coordinator", "fallback", warning)).ConfigureAwait(false);
        return engineReport with { Warnings = [.. engineReport.Warnings, warning] };
    }

    private Task ReportAsync(AgentProgress progress) => _options.Progress?.Invoke(progress) ?? Task.CompletedTask;

    private static string? ModelOf(IChatClient client) => client.GetService<ChatClientMetadata>()?.DefaultModelId;

    // Per-investigation state the delegate tool adds to; collectors may run in parallel.
    private sealed class Run(Coordinator owner, ClusterView workload, DiagnosisReport engineReport)
    {
        private readonly ClusterTools _workloadTools = new(workload, engineReport);
        private readonly ClusterTools? _managementTools = owner._options.Management is { } management ? new(management, engineReport) : null;
        private readonly CollectorAgent _collector = new(owner._collectorClient, owner._clock);
        private readonly CollectorAgent? _escalation = owner._options.EscalationClient is { } client ? new(client, owner._clock) : null;
        private int _turns;
        private long _collectorTicks;
        private long _escalationTicks;

        public int CollectorTurns => Volatile.Read(ref _turns);

        public TimeSpan CollectorTime => TimeSpan.FromTicks(Interlocked.Read(ref _collectorTicks));

        public TimeSpan EscalationTime => TimeSpan.FromTicks(Interlocked.Read(ref _escalationTicks));

        public bool BudgetSpent() => owner._options.MaxInputTokens is { } max && owner._ledger.Total().InputTokens >= max;

        public async Task<string> DelegateAsync(
            [Description("What to find out, naming the objects to look at.")] string task,
            [Description("\"objects\" for specs, status and events; \"logs\" for container logs; \"management\" for the management cluster (Cluster API, Flux, Apps) when there is one.")] string source,
            CancellationToken cancellationToken)
        {
            var tools = source switch
            {
                CollectorSources.Objects or CollectorSources.Logs => _workloadTools.For(source),
                CollectorSources.Management when _managementTools is not null => _managementTools.For(source),
                _ => null,
            };
            if (tools is null)
            {
                return _managementTools is null
                    ? $"Error: source must be \"{CollectorSources.Objects}\" or \"{CollectorSources.Logs}\"; no management cluster is configured."
                    : $"Error: source must be \"{CollectorSources.Objects}\", \"{CollectorSources.Logs}\" or \"{CollectorSources.Management}\".";
            }

            if (BudgetSpent())
            {
                return $"Not delegated: the investigation's budget of {owner._options.MaxInputTokens} input tokens is spent. Answer now with the findings you have.";
            }

            var agent = "collector:" + source;
            await owner.ReportAsync(new AgentProgress("coordinator", "delegate", $"{source}: {ToolOutput.Cap(task, 300)}")).ConfigureAwait(false);
            var result = await _collector.RunAsync(task, tools, Hooks(agent), cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _turns, result.Turns);
            Interlocked.Add(ref _collectorTicks, result.Duration.Ticks);
            var label = $"collector {source}";
            if (result.Confidence == "low" && _escalation is not null && !BudgetSpent())
            {
                await owner.ReportAsync(new AgentProgress(agent, "escalate", "low confidence: re-running the task on the stronger model")).ConfigureAwait(false);
                result = await _escalation.RunAsync(task, tools, Hooks(agent + ":escalated"), cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _turns, result.Turns);
                Interlocked.Add(ref _escalationTicks, result.Duration.Ticks);
                label += " (escalated)";
            }

            // Findings are a model's reading of untrusted data, so they stay framed as data.
            return ToolOutput.Frame(label, result.Findings);
        }

        private ToolLoopHooks Hooks(string agent) => new()
        {
            OnToolCall = call => owner.ReportAsync(new AgentProgress(agent, "tool", Describe(call))),
            ShouldStop = BudgetSpent,
        };

        private static string Describe(FunctionCallContent call)
            => ToolOutput.Cap($"{call.Name}({string.Join(", ", (call.Arguments ?? new Dictionary<string, object?>()).Select(a => $"{a.Key}={a.Value}"))})", 300);
    }
}
