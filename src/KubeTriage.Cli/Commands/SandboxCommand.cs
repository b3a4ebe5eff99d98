using System.CommandLine;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage sandbox DIR</c>: serves a snapshot as a Kubernetes API server on 127.0.0.1 for kubectl and the live path.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string>("DIR") { Description = "Snapshot directory to serve" };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var simulate = new Option<bool>("--simulate-controllers")
        {
            Description = "Stand in for the controllers after writes (rollouts finish, deleted pods are replaced), to try remediation",
        };
        var kubeconfig = new Option<string>("--write-kubeconfig") { Description = "Where to write a kubeconfig for the sandbox", DefaultValueFactory = _ => "./sandbox.kubeconfig" };
        var command = new Command("sandbox", "Serve a snapshot as a Kubernetes API server on 127.0.0.1") { dir, port, kubeconfig, simulate };
        command.SetAction(async (parse, ct) =>
        {
            var (server, snapshot) = await SandboxLauncher.StartAsync(parse.GetValue(dir)!, parse.GetValue(port), ct, parse.GetValue(simulate));
            await using (server)
            {
                var path = Path.GetFullPath(parse.GetValue(kubeconfig)!);
                server.WriteKubeconfig(path);
                console.Out.WriteLine($"Sandbox API server: {server.BaseAddress} ({snapshot.State.All.Count()} objects, {snapshot.State.LogCount} logs)");
                console.Out.WriteLine($"Kubeconfig: {path}");
                foreach (var warning in snapshot.Warnings)
                {
                    console.Error.WriteLine($"warning: {warning}");
                }

                console.Out.WriteLine($"Try: kubectl --kubeconfig {path} get pods -A");
                console.Out.WriteLine("Press Ctrl+C to stop.");
                console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return ExitCodes.Healthy;
        });
        return command;
    }
}
