using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Model;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Remediation.Tests.Actions.Support;

/// <summary>Loads a scenario and diagnoses it offline.</summary>
internal static class Scenarios
{
    public static (ClusterState Cluster, DiagnosisReport Report) Diagnose(string name)
    {
        var cluster = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, name)).State;
        return (cluster, new DiagnosisEngine().Diagnose(cluster));
    }

    public static RootCause Cause(DiagnosisReport report, string category)
        => report.RootCauses.FirstOrDefault(c => c.Category == category)
            ?? throw new InvalidOperationException($"no {category} root cause; got {string.Join(", ", report.RootCauses.Select(c => c.Category))}");
}
