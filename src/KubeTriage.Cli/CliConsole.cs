using Spectre.Console;

namespace KubeTriage.Cli;

/// <summary>Where commands write (a rich console for people, plain writers for machine output and errors) and the environment they read.</summary>
/// <remarks>The environment is passed in so tests configure providers without touching process-wide variables.</remarks>
internal sealed record CliConsole(IAnsiConsole Ansi, TextWriter Out, TextWriter Error)
{
    public System.Collections.IDictionary Environment { get; init; } = global::System.Environment.GetEnvironmentVariables();

    public static CliConsole System() => new(AnsiConsole.Console, Console.Out, Console.Error);
}
