using System.Text;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Remediation.Actions;
using KubeTriage.Server.Investigations;

namespace KubeTriage.Server.Chat;

/// <summary>Answers a chat "why" with the deterministic engine: collect the thread's cluster, diagnose, and list the fixes as commands.</summary>
internal sealed class ChatDiagnosis(IClusterAccess clusters, CollectionCache cache, DiagnosisEngine engine, ActionSuggester suggester)
{
    private const int MaxEvidencePerCause = 3;

    public async Task<DiagnosisReport> DiagnoseAsync(ChatCluster cluster, string? ns, CancellationToken ct)
    {
        LiveCollection collection;
        if (cluster.FromThread)
        {
            // The caller's kubeconfig was checked (inline credentials only) before it was remembered.
            var config = KubeConfigLoader.LoadFromString(cluster.Kubeconfig, Path.GetTempPath());
            using var connections = ClusterConnections.FromRestConfig("chat", config.Resolve());
            collection = await new LiveClusterCollector(connections.Default, "chat").CollectAsync(ns, ct);
        }
        else
        {
            collection = await cache.GetAsync(clusters.DefaultCluster, ns, ct);
        }

        var report = engine.Diagnose(collection.State, new DiagnosisOptions { Namespace = ns, CollectionWarnings = collection.Warnings, Capabilities = collection.Capabilities });
        return suggester.Attach(report, collection.State);
    }

    /// <summary>Writes the report as chat text: the summary, then each cause with its strongest evidence.</summary>
    public static string Describe(DiagnosisReport report)
    {
        var text = new StringBuilder(report.Summary);
        var causes = report.RootCauses.Where(c => c.Severity != Severity.Info).ToList();
        for (var i = 0; i < causes.Count; i++)
        {
            var cause = causes[i];
            text.Append("\n\n").Append(i + 1).Append(". [").Append(cause.Severity).Append("] ").Append(cause.Title)
                .Append(" (").Append(cause.Resource).Append(")\n   ").Append(cause.Explanation);
            foreach (var evidence in cause.Evidence.Take(MaxEvidencePerCause))
            {
                text.Append("\n   ").Append(evidence.Source).Append(": ").Append(evidence.Text);
            }
        }

        return text.ToString();
    }
}
