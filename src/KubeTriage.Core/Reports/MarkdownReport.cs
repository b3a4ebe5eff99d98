using System.Text;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Reports;

/// <summary>Renders a report as Markdown to paste into a ticket.</summary>
public static class MarkdownReport
{
    /// <summary>Returns the report as Markdown.</summary>
    public static string Render(DiagnosisReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# KubeTriage diagnosis").AppendLine();
        if (report.Target is { } target)
        {
            md.AppendLine($"*Source:* `{target.Source}`{(target.Namespace is null ? "" : $" *namespace:* `{target.Namespace}`")} *as of:* {target.ObservedAt:yyyy-MM-dd HH:mm:ss}Z").AppendLine();
        }

        md.AppendLine(report.Summary).AppendLine();
        var index = 0;
        foreach (var cause in report.RootCauses)
        {
            md.AppendLine($"## {++index}. {cause.Title}").AppendLine();
            md.AppendLine($"**{cause.Category}** · {cause.Severity} · `{cause.Resource}`").AppendLine();
            md.AppendLine(cause.Explanation).AppendLine();
            if (cause.Evidence.Count > 0)
            {
                md.AppendLine("**Evidence**").AppendLine().AppendLine("```");
                foreach (var e in cause.Evidence)
                {
                    md.AppendLine($"[{e.Source}] {e.Text}");
                }

                md.AppendLine("```").AppendLine();
            }

            if (cause.Affected.Count > 0)
            {
                md.AppendLine("**Affected:** " + string.Join(", ", cause.Affected.Select(a => $"`{a}`"))).AppendLine();
            }

            if (cause.Remediation.Count > 0)
            {
                md.AppendLine("**Suggested fixes**").AppendLine();
                foreach (var r in cause.Remediation)
                {
                    md.AppendLine($"- {r.Description} ({r.Risk})" + (r.Command is null ? "" : $": `{r.Command}`"));
                }

                md.AppendLine();
            }
        }

        if (report.Warnings.Count > 0)
        {
            md.AppendLine("## Warnings").AppendLine();
            foreach (var w in report.Warnings)
            {
                md.AppendLine($"- {w}");
            }

            md.AppendLine();
        }

        md.AppendLine("**Capabilities:** " + string.Join(", ", report.Capabilities.Select(kv => $"{kv.Key}: {kv.Value}")));
        return md.ToString();
    }
}
