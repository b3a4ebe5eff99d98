using System.Text;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.AI.Agents;

/// <summary>Renders the engine's root causes as short text: the starting map for the agents.</summary>
internal static class RootCauseText
{
    private const int MaxEvidencePerCause = 3;

    public static string Render(DiagnosisReport report, string? ns = null)
    {
        var causes = report.RootCauses.Where(c => ns is null || c.Resource.Namespace == ns || c.Affected.Any(a => a.Namespace == ns)).ToList();
        if (causes.Count == 0)
        {
            return "The deterministic analyzers found no root cause.";
        }

        var text = new StringBuilder();
        foreach (var cause in causes)
        {
            text.Append("- [").Append(cause.Severity).Append("] ").Append(cause.Category).Append(' ').Append(cause.Resource)
                .Append(": ").Append(cause.Title).Append('\n');
            foreach (var evidence in cause.Evidence.Take(MaxEvidencePerCause))
            {
                text.Append("    ").Append(evidence.Source).Append(": ").Append(ToolOutput.Cap(evidence.Text, 200)).Append('\n');
            }
        }

        return text.ToString();
    }
}
