using System.CommandLine;
using KubeTriage.Cli.Output;

namespace KubeTriage.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Output() => new Option<string>("--output", "-o")
    {
        Description = "Output format: text, json (the report contract) or markdown",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong(ReportWriter.Formats);
}
