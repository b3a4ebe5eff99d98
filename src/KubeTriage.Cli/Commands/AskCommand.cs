using System.CommandLine;
using System.Text.Json;
using KubeTriage.AI.Middleware;
using KubeTriage.AI.Providers.Http;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Configuration;
using KubeTriage.Cli.Output;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Model;
using KubeTriage.Core.Reports;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
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
        var noLlm = new Option<bool>("--no-llm") { Description = "Answer with the deterministic engine only, even when a provider is configured" };
        var output = CommonOptions.Output();
        var command = new Command("ask", "Investigate a question with the LLM agents (the engine answers when no provider is configured)")
        {
            question, snapshot, kubeconfig, context, ns, noLlm, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var input = parse.GetValue(snapshot) is { } dir
                ? ClusterInput.FromSnapshot(dir, parse.GetValue(ns))
                : await ClusterInput.FromClusterAsync(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(ns), allNamespaces: parse.GetValue(ns) is null, ct);
            var state = input.State;
            var engineReport = new DiagnosisEngine().Diagnose(state, input.Options);
            var (report, metrics) = parse.GetValue(noLlm)
                ? (engineReport with { Warnings = [.. engineReport.Warnings, "LLM disabled (--no-llm): the deterministic engine answered"] }, new InvestigationMetrics())
                : await InvestigateAsync(state, engineReport, parse.GetValue(question)!, console.Environment, ct);
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
        ClusterState state, DiagnosisReport engineReport, string question, System.Collections.IDictionary environment, CancellationToken ct)
    {
        ProviderConfiguration config;
        try
        {
            config = ProviderConfiguration.FromEnvironment(environment);
        }
        catch (ProviderConfigurationException ex)
        {
            return (engineReport with { Warnings = [.. engineReport.Warnings, $"no LLM answer ({ex.Message}); the deterministic engine answered"] }, new InvestigationMetrics());
        }

        var ledger = new UsageLedger();
        var coordinator = ChatClientFactory.Create(config, AgentRole.Coordinator, new ChatClientFactoryOptions { Ledger = ledger, AgentName = AgentNames.Coordinator });
        var collector = ChatClientFactory.Create(config, AgentRole.Collector, new ChatClientFactoryOptions { Ledger = ledger, AgentName = AgentNames.Collector });
        try
        {
            var outcome = await new Coordinator(coordinator, collector, ledger).InvestigateAsync(state, engineReport, question, ct);
            return (outcome.Report, outcome.Metrics);
        }
        catch (ChatProviderException ex)
        {
            return (engineReport with { Warnings = [.. engineReport.Warnings, $"the LLM provider failed ({ex.Message}); the deterministic engine answered"] }, new InvestigationMetrics());
        }
    }
}
