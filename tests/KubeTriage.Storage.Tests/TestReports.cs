using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Storage.Tests;

/// <summary>A real report from the diagnosis engine, computed once for the whole run.</summary>
internal static class TestReports
{
    private static readonly Lazy<DiagnosisReport> Chain = new(() =>
    {
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret"));
        return new DiagnosisEngine().Diagnose(loaded.State);
    });

    public static DiagnosisReport Real => Chain.Value;

    public static InvestigationMetrics Metrics { get; } = new()
    {
        DurationMs = 12_345,
        NumTurns = 7,
        TotalCostUsd = 0.0421m,
        Usage = new TokenUsage { InputTokens = 18_000, OutputTokens = 2_100, CacheReadInputTokens = 9_000, CacheCreationInputTokens = 512 },
        Breakdown = [new AgentBreakdown("coordinator", "claude-sonnet", 4_100, new TokenUsage { InputTokens = 18_000, OutputTokens = 2_100 }, 0.0421m)],
    };
}
