using System.CommandLine;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Server;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage serve</c>: the HTTP API (questions, streaming, alert analysis, schema, metrics).</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to bind (default loopback)", DefaultValueFactory = _ => "127.0.0.1" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to the kubeconfig file" };
        var context = new Option<string?>("--context") { Description = "Default kubeconfig context" };
        var apiKeys = new Option<string[]>("--api-key") { Description = "Accepted bearer token (repeatable; also KUBETRIAGE_API_KEYS, comma-separated)", AllowMultipleArgumentsPerToken = false };
        var allowOpen = new Option<bool>("--allow-unauthenticated") { Description = "Allow a non-loopback address without API keys" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where the SQLite database lives (default: $KUBETRIAGE_DATA_DIR, then ~/.kubetriage)" };
        var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string (Host=...); default: SQLite in the data directory. Also KUBETRIAGE_DATABASE" };
        var policy = new Option<string?>("--policy") { Description = "Autonomy policy YAML (default: none, KubeTriage stays read-only; also KUBETRIAGE_POLICY)" };
        var approvalExpiry = new Option<int>("--approval-expiry-minutes") { Description = "How long an approval waits for a decision", DefaultValueFactory = _ => 15 };
        var command = new Command("serve", "Serve the HTTP API") { port, host, kubeconfig, context, apiKeys, allowOpen, dataDir, database, policy, approvalExpiry };
        command.SetAction(async (parse, ct) =>
        {
            var keys = (parse.GetValue(apiKeys) ?? [])
                .Concat((Environment.GetEnvironmentVariable("KUBETRIAGE_API_KEYS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            var store = StoreSettings.From(parse.GetValue(dataDir), parse.GetValue(database));

            if (parse.GetValue(approvalExpiry) is < 1 or > 7 * 24 * 60)
            {
                throw new CliException(ExitCodes.Usage, "--approval-expiry-minutes must be between 1 and 10080 (a week)");
            }

            var options = new ServerOptions
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                ApiKeys = keys,
                AllowUnauthenticated = parse.GetValue(allowOpen),
                Store = store,
                Kubeconfig = parse.GetValue(kubeconfig),
                KubeContext = parse.GetValue(context),
                Remediation = new Remediation.RemediationOptions
                {
                    PolicyPath = parse.GetValue(policy) ?? Environment.GetEnvironmentVariable("KUBETRIAGE_POLICY"),
                    ApprovalExpiry = TimeSpan.FromMinutes(parse.GetValue(approvalExpiry)),
                },
            };
            using var clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(parse.GetValue(kubeconfig)), parse.GetValue(context));
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                // Structured logs: one JSON object per line on stdout, for the log pipeline that scrapes the container.
                app = ServerHost.Build(options, new Server.Investigations.RegistryClusterAccess(clusters), logging => logging.AddJsonConsole());
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ExitCodes.Usage, ex.Message);
            }

            await using (app)
            {
                await app.StartAsync(ct);
                console.Out.WriteLine($"KubeTriage API listening on {string.Join(", ", app.Urls)} (clusters: {string.Join(", ", clusters.Names)}; default {clusters.DefaultName})");
                console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                }

                await app.StopAsync(CancellationToken.None);
            }

            return ExitCodes.Healthy;
        });
        return command;
    }
}
