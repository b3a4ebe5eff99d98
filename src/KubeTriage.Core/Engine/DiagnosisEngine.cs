using KubeTriage.Core.Analysis;
using KubeTriage.Core.Correlation;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Engine;

/// <summary>Runs the analyzers over a cluster and correlates their findings into a report. Needs no network and no LLM.</summary>
public sealed class DiagnosisEngine(IReadOnlyList<IAnalyzer> analyzers, TimeProvider clock)
{
    /// <summary>Creates an engine with the built-in analyzers and the system clock.</summary>
    public DiagnosisEngine()
        : this(DefaultAnalyzers.Create(), TimeProvider.System)
    {
    }

    /// <summary>Diagnoses a cluster.</summary>
    public DiagnosisReport Diagnose(ClusterState cluster, DiagnosisOptions? options = null)
    {
        options ??= new DiagnosisOptions();
        var now = options.Now ?? ReferenceTime.Infer(cluster, clock);

        // Analyzers are independent: each gets its own context and they run in parallel.
        var contexts = analyzers.Select(_ => new AnalysisContext(cluster, now, options.Namespace)).ToArray();
        var warnings = new List<string>(options.CollectionWarnings);
        Parallel.For(0, analyzers.Count, i =>
        {
            try
            {
                analyzers[i].Analyze(contexts[i]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lock (warnings)
                {
                    warnings.Add($"analyzer {analyzers[i].Name} failed: {ex.Message}");
                }
            }
        });

        var findings = contexts.SelectMany(c => c.Findings).ToList();
        warnings.AddRange(contexts.SelectMany(c => c.Warnings));
        var rootCauses = RootCauseCorrelator.Correlate(cluster, findings);
        var capabilities = options.Capabilities ?? new Dictionary<string, string>
        {
            ["kubernetes"] = "ok",
            ["logs"] = cluster.LogCount > 0 ? "ok" : "unavailable",
            ["prometheus"] = "unavailable",
        };
        return new DiagnosisReport
        {
            Summary = SummaryWriter.Write(cluster, options.Namespace, rootCauses, warnings),
            RootCauses = rootCauses,
            Findings = findings,
            Capabilities = capabilities,
            Warnings = warnings,
            Target = new DiagnosisTarget(cluster.Source, options.Namespace, now, cluster.All.Count()),
        };
    }
}
