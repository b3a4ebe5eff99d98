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

    public CliConsole Console { get; private set; }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public static Task<(int ExitCode, TestConsole Console)> RunAsync(params string[] args) => RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the CLI with exactly these environment variables (no provider keys leak in from the machine).</summary>
    public static async Task<(int ExitCode, TestConsole Console)> RunWithEnvironmentAsync(IDictionary<string, string> environment, params string[] args)
    {
        var console = new TestConsole();
        console.Console = console.Console with { Environment = new System.Collections.Hashtable(environment.ToDictionary(kv => (object)kv.Key, kv => (object?)kv.Value)) };
        var code = await CliApp.RunAsync(args, console.Console, TestContext.Current.CancellationToken);
        return (code, console);
    }
}
