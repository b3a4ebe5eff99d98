using System.Text.RegularExpressions;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Model;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.AgentBench;

/// <summary>One scenario of the corpus as both agents see it: the snapshot, the namespace asked about, the engine's map.</summary>
internal sealed partial record ScenarioCase(string Name, string Directory, ClusterState State, string? Namespace, DiagnosisReport EngineReport)
{
    // Namespaces every cluster has; an investigator of a healthy cluster looks at the applications, not at these.
    private static readonly string[] SystemNamespaces = ["kube-system", "kube-public", "kube-node-lease"];

    public string Question => Namespace is null ? "What is wrong in this cluster?" : $"Why is something failing in namespace {Namespace}?";

    /// <summary>Gets the namespaces in scope: the one asked about, else every application namespace.</summary>
    public IReadOnlyList<string> Namespaces => Namespace is { } ns
        ? [ns]
        : [.. State.Namespaces.Where(n => !SystemNamespaces.Contains(n)).Order(StringComparer.Ordinal)];

    public static ScenarioCase Load(string directory)
    {
        var state = SnapshotLoader.Load(directory).State;

        // The question names the namespace of the first expected root cause, as a user asking about "checkout" would.
        var expectation = File.ReadAllText(Path.Combine(directory, "scenario.yaml"));
        var match = ExpectedResource().Match(expectation);
        var ns = match.Success ? match.Groups["ns"].Value : null;
        var report = new DiagnosisEngine().Diagnose(state, new DiagnosisOptions { Namespace = ns });
        return new ScenarioCase(Path.GetFileName(directory), directory, state, ns, report);
    }

    [GeneratedRegex(@"resource:\s*'?[A-Za-z]+/(?<ns>[a-z0-9.-]+)/[^\s']+")]
    private static partial Regex ExpectedResource();
}
