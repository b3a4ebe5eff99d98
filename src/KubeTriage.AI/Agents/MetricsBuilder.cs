using KubeTriage.AI.Middleware;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.AI.Agents;

/// <summary>Turns the ledger's per-agent totals into <see cref="InvestigationMetrics"/>.</summary>
internal static class MetricsBuilder
{
    public static InvestigationMetrics Build(
        UsageLedger ledger,
        TimeSpan duration,
        int turns,
        IReadOnlyDictionary<string, string?> models,
        IReadOnlyDictionary<string, TimeSpan> durations)
    {
        var snapshot = ledger.Snapshot();
        var breakdown = snapshot
            .OrderBy(a => a.Key == AgentNames.Coordinator ? 0 : 1)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new AgentBreakdown(
                a.Key,
                models.GetValueOrDefault(a.Key),
                (long)durations.GetValueOrDefault(a.Key).TotalMilliseconds,
                Tokens(a.Value),
                a.Value.CostUsd))
            .ToList();
        return new InvestigationMetrics
        {
            DurationMs = (long)duration.TotalMilliseconds,
            NumTurns = turns,
            TotalCostUsd = breakdown.Sum(b => b.CostUsd),
            Usage = Tokens(ledger.Total()),
            Breakdown = breakdown,
        };
    }

    // The ledger counts input the Microsoft.Extensions.AI way (cached tokens included); the metrics contract
    // counts it the Anthropic way, where input_tokens excludes cache reads and writes.
    private static TokenUsage Tokens(AgentUsage usage) => new()
    {
        InputTokens = Math.Max(0, usage.InputTokens - usage.CacheReadTokens - usage.CacheWriteTokens),
        OutputTokens = usage.OutputTokens,
        CacheCreationInputTokens = usage.CacheWriteTokens,
        CacheReadInputTokens = usage.CacheReadTokens,
    };
}
