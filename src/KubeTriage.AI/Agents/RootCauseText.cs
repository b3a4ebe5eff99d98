using System.Text;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Renders the engine's root causes as short text: the starting map for the agents.</summary>
internal static class RootCauseText
{
    private const int MaxEvidencePerCause = 3;

    /// <summary>Renders the causes in <paramref name="ns"/> (all when null) touching <paramref name="obj"/> ("Kind/name", all when null).</summary>
    public static string Render(DiagnosisReport report, string? ns = null, string? obj = null)
    {
        var causes = report.RootCauses
            .Where(c => ns is null || c.Resource.Namespace == ns || c.Affected.Any(a => a.Namespace == ns))
            .Where(c => obj is null || Names(c.Resource, obj) || c.Affected.Any(a => Names(a, obj)))
            .ToList();
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

    // "Deployment/web" or just "web"; the namespace filter is separate.
    private static bool Names(ObjectRef reference, string obj)
    {
        var slash = obj.LastIndexOf('/');
        var name = slash < 0 ? obj : obj[(slash + 1)..];
        var kind = slash < 0 ? null : obj[..obj.IndexOf('/', StringComparison.Ordinal)];
        return reference.Name == name && (kind is null || reference.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase));
    }
}
