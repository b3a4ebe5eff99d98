using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Reports;

namespace KubeTriage.Cli.Output;

/// <summary>Prints a report as text (for people), JSON (the contract) or Markdown (for tickets).</summary>
internal static class ReportWriter
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public static void Write(CliConsole console, DiagnosisReport report, string format)
    {
        switch (format)
        {
            case "json":
                console.Out.WriteLine(ReportJson.Serialize(report));
                break;
            case "markdown" or "md":
                console.Out.Write(MarkdownReport.Render(report));
                break;
            default:
                TextReport.Write(console.Ansi, report);
                break;
        }
    }
}
