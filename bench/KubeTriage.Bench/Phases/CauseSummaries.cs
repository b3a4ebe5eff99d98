using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Bench.Phases;

/// <summary>Shrinks a report's root causes to what crosses the process boundary.</summary>
internal static class CauseSummaries
{
    public static IReadOnlyList<CauseSummary> From(DiagnosisReport report)
        => [.. report.RootCauses.Select(c => new CauseSummary(c.Category, c.Severity, c.Resource.ToString(), [.. c.Affected.Select(a => a.ToString())], c.Title))];
}
