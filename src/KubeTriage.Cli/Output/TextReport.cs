using KubeTriage.Core.Diagnosis;
using Spectre.Console;

namespace KubeTriage.Cli.Output;

/// <summary>Renders a report for a terminal: summary first, then each root cause with evidence, affected objects and fixes.</summary>
internal static class TextReport
{
    public static void Write(IAnsiConsole console, DiagnosisReport report)
    {
        console.MarkupLine(report.HasProblems ? "[bold red]Unhealthy[/]" : "[bold green]Healthy[/]");
        console.WriteLine(report.Summary);
        var index = 0;
        foreach (var cause in report.RootCauses)
        {
            console.WriteLine();
            var colour = cause.Severity switch { Severity.Critical => "red", Severity.Warning => "yellow", _ => "grey" };
            console.MarkupLine($"[bold]{++index}. {Markup.Escape(cause.Title)}[/]");
            console.MarkupLine($"   [{colour}]{cause.Severity}[/] [bold]{cause.Category}[/] on {Markup.Escape(cause.Resource.ToString())}");
            console.WriteLine("   " + cause.Explanation);
            if (cause.Evidence.Count > 0)
            {
                console.MarkupLine("   [underline]Evidence[/]");
                foreach (var e in cause.Evidence)
                {
                    console.MarkupLine($"     [grey]{e.Source,-6}[/] {Markup.Escape(e.Text)}");
                }
            }

            if (cause.Affected.Count > 0)
            {
                console.MarkupLine("   [underline]Affected[/] " + Markup.Escape(string.Join(", ", cause.Affected)));
            }

            if (cause.Remediation.Count > 0)
            {
                console.MarkupLine("   [underline]Fixes[/]");
                foreach (var r in cause.Remediation)
                {
                    console.MarkupLine($"     - {Markup.Escape(r.Description)} [grey]({r.Risk})[/]");
                    if (r.Command is not null)
                    {
                        console.MarkupLine($"       [cyan]{Markup.Escape(r.Command)}[/]");
                    }
                }
            }
        }

        if (report.Warnings.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[yellow]Warnings[/]");
            foreach (var w in report.Warnings)
            {
                console.WriteLine("  " + w);
            }
        }
    }
}
