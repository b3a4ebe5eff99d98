using Spectre.Console;

namespace KubeTriage.Cli.Tests;

/// <summary>A CLI console that records what a command prints.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public TestConsole()
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = 200;
        Console = new CliConsole(ansi, _out, _error);
    }

    public CliConsole Console { get; }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public static async Task<(int ExitCode, TestConsole Console)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        var code = await CliApp.RunAsync(args, console.Console, TestContext.Current.CancellationToken);
        return (code, console);
    }
}
