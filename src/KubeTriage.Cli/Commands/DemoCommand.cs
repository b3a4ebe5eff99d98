using System.CommandLine;
using KubeTriage.Cli.Output;
using Spectre.Console;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage demo</c>: serves the built-in broken scenario with the sandbox and diagnoses it through the live path.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var output = CommonOptions.Output();
        var command = new Command("demo", "Diagnose a built-in broken cluster (no cluster, no API key needed)") { output };
        command.SetAction(async (parse, ct) =>
        {
            var workDir = Directory.CreateTempSubdirectory("kubetriage-demo-");
            try
            {
                var snapshotDir = DemoScenario.ExtractTo(Path.Combine(workDir.FullName, "snapshot"));
                var (server, _) = await SandboxLauncher.StartAsync(snapshotDir, 0, ct);
                await using (server)
                {
                    var kubeconfig = Path.Combine(workDir.FullName, "sandbox.kubeconfig");
                    server.WriteKubeconfig(kubeconfig);
                    if (parse.GetValue(output) == "text")
                    {
                        console.Ansi.MarkupLine($"[grey]Demo: {DemoScenario.Title}. Sandbox API server at {server.BaseAddress}; diagnosing through the live Kubernetes client...[/]");
                        console.Ansi.WriteLine();
                    }

                    var report = await DiagnoseCommand.DiagnoseLiveAsync(kubeconfig, null, null, allNamespaces: true, ct);
                    ReportWriter.Write(console, report, parse.GetValue(output)!);
                    if (parse.GetValue(output) == "text")
                    {
                        console.Ansi.WriteLine();
                        console.Ansi.MarkupLine("[grey]Explore the same cluster with kubectl: kubetriage sandbox scenarios/<name>, then kubectl --kubeconfig sandbox.kubeconfig get pods -A[/]");
                    }

                    return report.HasProblems ? ExitCodes.ProblemsFound : ExitCodes.Healthy;
                }
            }
            finally
            {
                workDir.Delete(recursive: true);
            }
        });
        return command;
    }
}
