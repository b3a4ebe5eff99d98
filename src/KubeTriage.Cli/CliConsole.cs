using Spectre.Console;

namespace KubeTriage.Cli;

/// <summary>Where commands write: a rich console for people, plain writers for machine output and errors.</summary>
internal sealed record CliConsole(IAnsiConsole Ansi, TextWriter Out, TextWriter Error)
{
    public static CliConsole System() => new(AnsiConsole.Console, Console.Out, Console.Error);
}
