using System.Text.Json.Nodes;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Tests.Server;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Tests.Agents;

public sealed class CoordinatorTests
{
    private const string ValidReport = """
        {"summary":"web-1 crashes because the database password is wrong.",
         "rootCauses":[{"category":"AppCrash","severity":"critical",
           "resource":{"kind":"Pod","namespace":"shop","name":"web-1"},
           "title":"Database authentication fails","explanation":"The previous container logged password authentication failed twice.",
           "evidence":[{"source":"log","text":"2x error: password authentication failed"}],
           "remediation":[{"description":"Fix the password in Secret shop/db","command":null,"risk":"safe"}]}]}
        """;

    [Fact]
    public async Task InvestigateAsync_DelegatesToLogCollector_ReturnsReportAndTwoAgentBreakdown()
    {
        await using var server = await ScriptedLlmServer.StartAsync(
            Anthropic("claude-strong", 100, 20, """{"type":"tool_use","id":"toolu_1","name":"delegate","input":{"task":"Why does shop/web-1 crash? Read its previous logs.","source":"logs"}}"""),
            Anthropic("claude-cheap", 50, 10, """{"type":"tool_use","id":"toolu_2","name":"get_logs","input":{"namespace":"shop","pod":"web-1","previous":true}}"""),
            Anthropic("claude-cheap", 80, 15, Text("web-1 previous log: password authentication failed (2x). A log line asks to delete the namespace.")),
            Anthropic("claude-strong", 200, 100, Text(ValidReport)));
        var ledger = new UsageLedger();
        var cluster = TestCluster.Create();
        var engineReport = new DiagnosisEngine().Diagnose(cluster);
        var coordinator = new Coordinator(Client(server, AgentRole.Coordinator, ledger), Client(server, AgentRole.Collector, ledger), ledger);

        var outcome = await coordinator.InvestigateAsync(cluster, engineReport, "Why is web-1 crashing?", TestContext.Current.CancellationToken);

        Assert.Equal("web-1 crashes because the database password is wrong.", outcome.Report.Summary);
        var cause = Assert.Single(outcome.Report.RootCauses);
        Assert.Equal(("Pod", "web-1", Severity.Critical), (cause.Resource.Kind, cause.Resource.Name, cause.Severity));
        Assert.Equal(engineReport.Findings, outcome.Report.Findings);

        var metrics = outcome.Metrics;
        Assert.Equal(4, metrics.NumTurns);
        Assert.Equal([("Coordinator", "claude-strong"), ("Collector", "claude-cheap")], metrics.Breakdown.Select(b => (b.Agent, b.Model)));
        Assert.Equal((300, 120), (metrics.Breakdown[0].Usage.InputTokens, metrics.Breakdown[0].Usage.OutputTokens));
        Assert.Equal((130, 25), (metrics.Breakdown[1].Usage.InputTokens, metrics.Breakdown[1].Usage.OutputTokens));
        Assert.Equal(0.0027m, metrics.Breakdown[0].CostUsd);
        Assert.Equal(0.000255m, metrics.Breakdown[1].CostUsd);
        Assert.Equal(0.002955m, metrics.TotalCostUsd);
        Assert.Equal(430, metrics.Usage.InputTokens);

        // Each agent saw only its fixed tool set; no tool anywhere can change the cluster.
        var requests = server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal(["delegate"], ToolNames(requests[0]));
        Assert.Equal(["list_objects", "get_logs"], ToolNames(requests[1]));
        Assert.Equal("claude-cheap", requests[1].Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvestigateAsync_LogLineWithInstructions_ReachesModelsOnlyInsideToolOutputFrames()
    {
        await using var server = await ScriptedLlmServer.StartAsync(
            Anthropic("claude-strong", 1, 1, """{"type":"tool_use","id":"toolu_1","name":"delegate","input":{"task":"Quote every log line of shop/web-1.","source":"logs"}}"""),
            Anthropic("claude-cheap", 1, 1, """{"type":"tool_use","id":"toolu_2","name":"get_logs","input":{"namespace":"shop","pod":"web-1","previous":true}}"""),
            Anthropic("claude-cheap", 1, 1, Text($"Log lines: password authentication failed; {TestCluster.Injection}")),
            Anthropic("claude-strong", 1, 1, Text(ValidReport)));
        var ledger = new UsageLedger();
        var cluster = TestCluster.Create();
        var coordinator = new Coordinator(Client(server, AgentRole.Coordinator, ledger), Client(server, AgentRole.Collector, ledger), ledger);

        await coordinator.InvestigateAsync(cluster, new DiagnosisEngine().Diagnose(cluster), "Why?", TestContext.Current.CancellationToken);

        var strings = server.Requests.SelectMany(r => Strings(r.Json)).Where(s => s.Contains(TestCluster.Injection, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, strings.Count); // the get_logs result to the collector, the collector's findings to the coordinator
        Assert.All(strings, s => ClusterToolsTests.AssertInsideFrame(s, TestCluster.Injection));
        Assert.All(server.Requests, r => Assert.All(ToolNames(r), name => Assert.Contains(name, ClusterToolNames.All.Append(Coordinator.DelegateToolName))));
    }

    [Fact]
    public async Task InvestigateAsync_InvalidJsonTwice_ReturnsDeterministicReportWithWarning()
    {
        var model = new FakeChatClient("The pod is broken.", "{\"rootCauses\": []}");
        var cluster = TestCluster.Create();
        var engineReport = new DiagnosisEngine().Diagnose(cluster);

        var outcome = await new Coordinator(model, new FakeChatClient(), new UsageLedger())
            .InvestigateAsync(cluster, engineReport, "Why?", TestContext.Current.CancellationToken);

        Assert.Equal(engineReport.Summary, outcome.Report.Summary);
        Assert.Equal(engineReport.RootCauses, outcome.Report.RootCauses);
        var warning = Assert.Single(outcome.Report.Warnings.Except(engineReport.Warnings));
        Assert.StartsWith("The AI investigation gave no valid report (", warning, StringComparison.Ordinal);
        Assert.Contains("summary", warning, StringComparison.Ordinal);
        Assert.Equal(2, model.Calls.Count);
        Assert.Equal(
            "Your answer was not valid JSON for the schema: no JSON object found; answer again with only the JSON.",
            model.Calls[1][^1].Text);
        Assert.Equal(2, outcome.Metrics.NumTurns);
    }

    [Fact]
    public async Task InvestigateAsync_RepairTurnFixesAnswer_UsesRepairedReport()
    {
        var model = new FakeChatClient("""{"summary": "x", "rootCauses": [{"severity": "bad"}]}""", "```json\n" + ValidReport + "\n```");
        var cluster = TestCluster.Create();

        var outcome = await new Coordinator(model, new FakeChatClient(), new UsageLedger())
            .InvestigateAsync(cluster, new DiagnosisEngine().Diagnose(cluster), "Why?", TestContext.Current.CancellationToken);

        Assert.Equal("web-1 crashes because the database password is wrong.", outcome.Report.Summary);
        Assert.Contains("not valid JSON for the schema", model.Calls[1][^1].Text, StringComparison.Ordinal);
    }

    private static ScriptedResponse Anthropic(string model, int input, int output, string content) => ScriptedResponse.Json($$$"""
        {"id":"msg","type":"message","role":"assistant","model":"{{{model}}}","content":[{{{content}}}],
         "stop_reason":"{{{(content.Contains("tool_use", StringComparison.Ordinal) ? "tool_use" : "end_turn")}}}",
         "usage":{"input_tokens":{{{input}}},"output_tokens":{{{output}}}}}
        """);

    private static string Text(string text) => new JsonObject { ["type"] = "text", ["text"] = text }.ToJsonString();

    private static IChatClient Client(ScriptedLlmServer server, AgentRole role, UsageLedger ledger)
    {
        var options = new ChatClientFactoryOptions { Ledger = ledger };
        options.Prices.Set("claude-strong", new ModelPrice(3m, 15m, 3.75m, 0.30m)).Set("claude-cheap", new ModelPrice(1m, 5m, 1.25m, 0.10m));
        return ChatClientFactory.Create(
            new ProviderConfiguration
            {
                Provider = ProviderKind.Anthropic,
                ApiKey = "test-key",
                Endpoint = server.BaseUrl,
                CoordinatorModel = "claude-strong",
                CollectorModel = "claude-cheap",
            },
            role,
            options);
    }

    private static List<string> ToolNames(RecordedRequest request)
        => [.. (request.Json["tools"]?.AsArray() ?? []).Select(t => t!["name"]!.GetValue<string>())];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
