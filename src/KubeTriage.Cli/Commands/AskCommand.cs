using System.CommandLine;
using System.Text.Json;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.AI.Configuration;
using KubeTriage.AI.Middleware;
using KubeTriage.Cli.Output;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Reports;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage ask "question"</c>: an LLM investigation (coordinator + collectors) on top of the engine, when a provider is configured.</summary>
internal static class AskCommand
{
    public static Command Create(CliConsole console)
    {
        var question = new Argument<string>("QUESTION") { Description = "What to find out, e.g. \"why is checkout failing?\"" };
        var snapshot = new Option<string?>("--snapshot") { Description = "Investigate a snapshot directory instead of a live cluster" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to the kubeconfig file" };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Limit the investigation to one namespace" };
        var management = new Option<string?>("--management-context") { Description = "Kubeconfig context of the management cluster (Cluster API, Flux, Apps); also KUBETRIAGE_MANAGEMENT_CONTEXT" };
        var managementSnapshot = new Option<string?>("--management-snapshot") { Description = "A snapshot directory of the management cluster" };
        var maxTurns = new Option<int>("--max-turns") { Description = "The most coordinator model calls", DefaultValueFactory = _ => 10 };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds the agents may take before the engine's report is returned" };
        var noLlm = new Option<bool>("--no-llm") { Description = "Answer with the deterministic engine only, even when a provider is configured" };
        var output = CommonOptions.Output();
        var command = new Command("ask", "Investigate a question with the LLM agents (the engine answers when no provider is configured)")
        {
            question, snapshot, kubeconfig, context, ns, management, managementSnapshot, maxTurns, timeout, noLlm, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(snapshot) is { } dir
                ? ClusterInput.FromSnapshot(dir, parse.GetValue(ns))
                : await ClusterInput.FromClusterAsync(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(ns), allNamespaces: parse.GetValue(ns) is null, ct);
            var engineReport = new DiagnosisEngine().Diagnose(input.State, input.Options);
            var (report, metrics) = parse.GetValue(noLlm)
                ? (engineReport with { Warnings = [.. engineReport.Warnings, "LLM disabled (--no-llm): the deterministic engine answered"] }, new InvestigationMetrics())
                : await InvestigateAsync(new AskInput(
                    input, engineReport, parse.GetValue(question)!, parse.GetValue(snapshot) is null, parse.GetValue(kubeconfig), parse.GetValue(context),
                    parse.GetValue(management), parse.GetValue(managementSnapshot), parse.GetValue(maxTurns), parse.GetValue(timeout)), console.Environment, ct);
            var format = parse.GetValue(output)!;
            if (format == "json")
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new { report, metrics }, ReportJson.Options));
            }
            else
            {
                ReportWriter.Write(console, report, format);
                console.Out.WriteLine($"duration {metrics.DurationMs} ms, {metrics.NumTurns} model turns, ${metrics.TotalCostUsd:0.####}, input tokens {metrics.Usage.InputTokens}, output tokens {metrics.Usage.OutputTokens}");
            }

            return report.HasProblems ? ExitCodes.ProblemsFound : ExitCodes.Healthy;
        });
        return command;
    }

    private static async Task<(DiagnosisReport Report, InvestigationMetrics Metrics)> InvestigateAsync(
        AskInput ask, System.Collections.IDictionary environment, CancellationToken ct)
    {
        AgentSettings settings;
        try
        {
            settings = AgentSettings.Load(environment);
        }
        catch (ProviderConfigurationException ex)
        {
            throw new CliException(ExitCodes.Usage, ex.Message);
        }

        if (settings.Provider is null)
        {
            return (ask.EngineReport with { Warnings = [.. ask.EngineReport.Warnings, $"no LLM answer ({settings.ProviderProblem}); the deterministic engine answered"] }, new InvestigationMetrics());
        }

        // Live tools need the clients for the whole investigation, so the connections live here, not in ClusterInput.
        var managementContext = ask.ManagementContext ?? settings.ManagementCluster;
        using var clusters = ask.Live || managementContext is not null
            ? ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(ask.Kubeconfig), ask.Context)
            : null;
        var workload = new ClusterView(Coordinator.WorkloadClusterName, ask.Input.State, ask.Live ? new KubernetesClusterReader(clusters!.Default) : null);
        ClusterView? management = null;
        if (ask.ManagementSnapshot is { } managementDir)
        {
            management = new ClusterView("management", ClusterInput.LoadSnapshot(managementDir).State);
        }
        else if (managementContext is not null)
        {
            management = ClusterView.LiveOnly("management", new KubernetesClusterReader(clusters!.Get(managementContext)));
        }

        var ledger = new UsageLedger();
        var clients = settings.CreateClients(ledger);
        var timeout = ask.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.InvestigationTimeout;
        var coordinator = new Coordinator(clients.Coordinator, clients.Collector, ledger, null, new CoordinatorOptions
        {
            MaxTurns = Math.Clamp(ask.MaxTurns, 1, 100),
            MaxInputTokens = settings.MaxInputTokens,
            Timeout = timeout,
            EscalationClient = clients.Escalation,
            Management = management,
        });
        var outcome = await coordinator.InvestigateAsync(workload, ask.EngineReport, ask.Question, ct);
        return (outcome.Report, outcome.Metrics);
    }
}
