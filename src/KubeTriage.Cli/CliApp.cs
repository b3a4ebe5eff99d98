using System.CommandLine;
using KubeTriage.Cli.Commands;
using KubeTriage.Kubernetes;

namespace KubeTriage.Cli;

/// <summary>Builds the command tree and runs it, turning known errors into one line and an exit code.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("KubeTriage: finds out why a Kubernetes cluster is unhealthy, with the evidence, and how to fix it.");
        root.Subcommands.Add(DiagnoseCommand.Create(console));
        root.Subcommands.Add(SandboxCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(HistoryCommand.Create(console));
        root.Subcommands.Add(AskCommand.Create(console));
        root.Subcommands.Add(ApprovalsCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            console.Error.WriteLine($"error: {parse.Errors[0].Message} (see 'kubetriage --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (KubernetesException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.ClusterUnreachable;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }
    }
}
