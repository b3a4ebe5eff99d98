using KubeTriage.AI.Agents;
using KubeTriage.AI.Middleware;
using KubeTriage.Core.Engine;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Agents;

public sealed class CoordinatorBudgetTests
{
    private const string Report = """
        {"summary":"web-1 cannot log in to its database.","rootCauses":[{"category":"AppCrash","severity":"critical",
         "resource":{"kind":"Pod","namespace":"shop","name":"web-1"},"title":"Database login fails","explanation":"password authentication failed",
         "evidence":[{"source":"log","text":"password authentication failed"}],"remediation":[]}]}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvestigateAsync_LowConfidenceFindings_EscalatedToStrongerModelAndBothInBreakdown()
    {
        var ledger = new UsageLedger();
        var progress = new List<AgentProgress>();
        var scripted = new ScriptedChatClient("strong", (messages, _) => ScriptedChatClient.HasToolResult(messages)
            ? ScriptedChatClient.Text(Report)
            : ScriptedChatClient.Call("d1", "delegate", new() { ["task"] = "Why does shop/web-1 crash?", ["source"] = "logs" }));
        var coordinator = Accounted(ledger, AgentNames.Coordinator, scripted);
        var cheap = Accounted(ledger, AgentNames.Collector, Collector("cheap", "web-1 restarts, cause unclear.\nconfidence: low"));
        var strong = Accounted(ledger, AgentNames.CollectorEscalation, Collector("strong-collector", "web-1: password authentication failed (2x).\nconfidence: high"));
        var cluster = TestCluster.Create();

        var outcome = await new Coordinator(coordinator, cheap, ledger, null, new CoordinatorOptions
        {
            EscalationClient = strong,
            Progress = p =>
            {
                lock (progress)
                {
                    progress.Add(p);
                }

                return Task.CompletedTask;
            },
        }).InvestigateAsync(cluster, new DiagnosisEngine().Diagnose(cluster), "Why?", Ct);

        Assert.Equal("web-1 cannot log in to its database.", outcome.Report.Summary);
        Assert.Equal(
            [("Coordinator", "strong"), ("Collector", "cheap"), ("CollectorEscalation", "strong-collector")],
            outcome.Metrics.Breakdown.Select(b => (b.Agent, b.Model)));
        Assert.Equal(6, outcome.Metrics.NumTurns);
        Assert.Equal(["delegate", "tool", "escalate", "tool"], progress.Select(p => p.Step));

        // The coordinator saw the escalated findings, not the unsure ones.
        var findings = ScriptedChatClient.LastToolResult(scripted.Calls[^1]);
        Assert.Contains("collector logs (escalated)", findings, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", findings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvestigateAsync_TokenBudgetSpent_StopsDelegatingAndAsksForTheAnswer()
    {
        var ledger = new UsageLedger();
        var delegations = 0;
        var coordinator = Accounted(ledger, AgentNames.Coordinator, new ScriptedChatClient("strong", (messages, _) =>
            messages[^1].Text.StartsWith("Stop investigating", StringComparison.Ordinal)
                ? ScriptedChatClient.Text(Report)
                : ScriptedChatClient.Call($"d{++delegations}", "delegate", new() { ["task"] = "Look at shop/web-1 again.", ["source"] = "objects" })));
        var collector = Accounted(ledger, AgentNames.Collector, Collector("cheap", "nothing new.\nconfidence: medium"));
        var cluster = TestCluster.Create();

        var outcome = await new Coordinator(coordinator, collector, ledger, null, new CoordinatorOptions { MaxInputTokens = 250 })
            .InvestigateAsync(cluster, new DiagnosisEngine().Diagnose(cluster), "Why?", Ct);

        Assert.Equal("web-1 cannot log in to its database.", outcome.Report.Summary);
        Assert.Equal(1, delegations);
        Assert.InRange(ledger.Total().InputTokens, 250, 700);
    }

    [Fact]
    public async Task InvestigateAsync_TimeLimitPasses_EngineReportWithWarning()
    {
        var cluster = TestCluster.Create();
        var engineReport = new DiagnosisEngine().Diagnose(cluster);

        var outcome = await new Coordinator(new HangingChatClient(), new HangingChatClient(), new UsageLedger(), null, new CoordinatorOptions { Timeout = TimeSpan.FromMilliseconds(50) })
            .InvestigateAsync(cluster, engineReport, "Why?", Ct);

        Assert.Equal(engineReport.Summary, outcome.Report.Summary);
        Assert.Contains(outcome.Report.Warnings, w => w.StartsWith("The AI investigation did not finish within", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvestigateAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var cluster = TestCluster.Create();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Coordinator(new HangingChatClient(), new HangingChatClient(), new UsageLedger())
            .InvestigateAsync(cluster, new DiagnosisEngine().Diagnose(cluster), "Why?", cts.Token));
    }

    // A collector that reads the previous logs of web-1 once, then answers with the given findings.
    private static ScriptedChatClient Collector(string model, string findings) => new(model, (messages, _) => ScriptedChatClient.HasToolResult(messages)
        ? ScriptedChatClient.Text(findings)
        : ScriptedChatClient.Call("c1", "get_logs", new() { ["namespace"] = "shop", ["pod"] = "web-1", ["previous"] = true }));

    private static IChatClient Accounted(UsageLedger ledger, string agent, ScriptedChatClient inner)
        => new UsageAccountingChatClient(inner, ledger, new PriceTable(), agent);

    private sealed class HangingChatClient : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
