using System.Text.Json;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.AI.Middleware;
using KubeTriage.AgentBench;

// Input tokens per investigation over the scenario corpus: the coordinator + collectors with a scripted competent
// investigator, against a naive single agent holding raw YAML, describe output and full logs.
var root = FindRoot();
var scenarios = args.Length > 0 ? args[0] : Path.Combine(root, "scenarios");
var resultsPath = args.Length > 1 ? args[1] : Path.Combine(root, "bench", "results", "agent-bench.json");

var rows = new List<Row>();
foreach (var dir in Directory.EnumerateDirectories(scenarios).Where(d => File.Exists(Path.Combine(d, "scenario.yaml"))).Order(StringComparer.Ordinal))
{
    var scenario = ScenarioCase.Load(dir);
    var ledger = new UsageLedger();
    var prices = new PriceTable();
    var coordinator = new UsageAccountingChatClient(new CompetentInvestigator("scripted-coordinator"), ledger, prices, AgentNames.Coordinator);
    var collector = new UsageAccountingChatClient(new CompetentInvestigator("scripted-collector"), ledger, prices, AgentNames.Collector);
    var outcome = await new Coordinator(coordinator, collector, ledger).InvestigateAsync(
        new ClusterView(Coordinator.WorkloadClusterName, scenario.State), scenario.EngineReport, scenario.Question, CancellationToken.None);
    var valid = !outcome.Report.Warnings.Any(w => w.StartsWith("The AI investigation", StringComparison.Ordinal));
    var row = new Row(scenario.Name, scenario.Namespace, ledger.Total().InputTokens, ledger.Total().Calls, NaiveAgent.InputTokens(scenario), valid);
    rows.Add(row);
    Console.WriteLine($"{row.Scenario,-50} agents {row.AgentInputTokens,7:N0} ({row.ModelCalls,2} calls)   naive {row.NaiveInputTokens,8:N0}   x{row.Ratio,5:0.0}{(valid ? "" : "   (invalid report)")}");
}

var summary = new
{
    scenarios = rows.Count,
    tokenizer = "chars/4 estimate over messages, tool calls, tool results and tool schemas",
    agents = new { median = Percentile(rows.Select(r => r.AgentInputTokens), 0.5), p90 = Percentile(rows.Select(r => r.AgentInputTokens), 0.9), max = rows.Max(r => r.AgentInputTokens) },
    naive = new { median = Percentile(rows.Select(r => r.NaiveInputTokens), 0.5), p90 = Percentile(rows.Select(r => r.NaiveInputTokens), 0.9), max = rows.Max(r => r.NaiveInputTokens) },
    ratio_of_medians = Math.Round((double)Percentile(rows.Select(r => r.NaiveInputTokens), 0.5) / Percentile(rows.Select(r => r.AgentInputTokens), 0.5), 1),
    median_ratio = Math.Round(Percentile(rows.Select(r => (long)(r.Ratio * 100)), 0.5) / 100.0, 1),
    min_ratio = Math.Round(rows.Min(r => r.Ratio), 1),
    invalid_reports = rows.Count(r => !r.ValidReport),
    rows,
};
Console.WriteLine();
Console.WriteLine($"agents: median {summary.agents.median:N0}, p90 {summary.agents.p90:N0} input tokens per investigation");
Console.WriteLine($"naive:  median {summary.naive.median:N0}, p90 {summary.naive.p90:N0} input tokens per investigation");
Console.WriteLine($"ratio of medians x{summary.ratio_of_medians}, median ratio x{summary.median_ratio}, smallest ratio x{summary.min_ratio}; invalid reports: {summary.invalid_reports}");
Directory.CreateDirectory(Path.GetDirectoryName(resultsPath)!);
await File.WriteAllTextAsync(resultsPath, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
Console.WriteLine($"wrote {resultsPath}");
return summary.agents.median < 10_000 && summary.ratio_of_medians >= 5 ? 0 : 1;

static long Percentile(IEnumerable<long> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "KubeTriage.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("KubeTriage.slnx not found");
}

internal sealed record Row(string Scenario, string? Namespace, long AgentInputTokens, int ModelCalls, long NaiveInputTokens, bool ValidReport)
{
    public double Ratio => AgentInputTokens == 0 ? 0 : (double)NaiveInputTokens / AgentInputTokens;
}
