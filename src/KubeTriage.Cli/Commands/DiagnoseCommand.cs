using System.CommandLine;
using KubeTriage.Cli.Output;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Remediation.Actions;

namespace KubeTriage.Cli.Commands;

/// <summary><c>kubetriage diagnose</c>: diagnoses the current kubeconfig context's cluster, or an offline snapshot.</summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliConsole console)
    {
        var snapshot = new Option<string?>("--snapshot") { Description = "Diagnose a snapshot directory instead of a live cluster" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)" };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Limit the diagnosis to one namespace" };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Diagnose every namespace" };
        var output = CommonOptions.Output();
        var command = new Command("diagnose", "Find the root causes of what is failing, with evidence and fixes")
        {
            snapshot, kubeconfig, context, ns, all, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(output)!;
            DiagnosisReport report;
            try
            {
                report = parse.GetValue(snapshot) is { } dir
                    ? DiagnoseSnapshot(dir, parse.GetValue(ns))
                    : await DiagnoseLiveAsync(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(ns), parse.GetValue(all), ct);
            }
            catch (KubernetesException ex) when (format != "text")
            {
                // Machine readers still get a report that says what could not be read; people get the one-line error.
                ReportWriter.Write(console, UnreachableReport(ex.Message), format);
                throw;
            }

            ReportWriter.Write(console, report, format);
            return report.HasProblems ? ExitCodes.ProblemsFound : ExitCodes.Healthy;
        });
        return command;
    }

    public static DiagnosisReport DiagnoseSnapshot(string directory, string? ns) => Diagnose(ClusterInput.FromSnapshot(directory, ns));

    public static async Task<DiagnosisReport> DiagnoseLiveAsync(string? kubeconfig, string? context, string? ns, bool allNamespaces, CancellationToken ct)
        => Diagnose(await ClusterInput.FromClusterAsync(kubeconfig, context, ns, allNamespaces, ct));

    // Root causes carry the typed actions that fit them (POST /api/v1/actions runs them under a policy); without a
    // policy here their tier stays the engine's own.
    private static DiagnosisReport Diagnose(ClusterInput input)
        => new ActionSuggester().Attach(new DiagnosisEngine().Diagnose(input.State, input.Options), input.State);

    private static DiagnosisReport UnreachableReport(string error) => new()
    {
        Summary = $"Could not diagnose: the cluster could not be read ({error}).",
        Capabilities = new Dictionary<string, string> { ["kubernetes"] = "unavailable", ["logs"] = "unavailable", ["prometheus"] = "unavailable" },
        Warnings = [error],
    };
}
