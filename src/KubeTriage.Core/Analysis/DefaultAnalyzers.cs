using KubeTriage.Core.Analyzers.Admission;
using KubeTriage.Core.Analyzers.Autoscaling;
using KubeTriage.Core.Analyzers.Certificates;
using KubeTriage.Core.Analyzers.CustomResources;
using KubeTriage.Core.Analyzers.Jobs;
using KubeTriage.Core.Analyzers.Logs;
using KubeTriage.Core.Analyzers.Networking;
using KubeTriage.Core.Analyzers.Nodes;
using KubeTriage.Core.Analyzers.Pods;
using KubeTriage.Core.Analyzers.Policy;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Analyzers.Storage;
using KubeTriage.Core.Analyzers.Workloads;

namespace KubeTriage.Core.Analysis;

/// <summary>Lists the built-in analyzers.</summary>
public static class DefaultAnalyzers
{
    /// <summary>Returns a new instance of every built-in analyzer.</summary>
    public static IReadOnlyList<IAnalyzer> Create() =>
    [
        new ContainerStateAnalyzer(),
        new PendingPodAnalyzer(),
        new ReadinessProbeAnalyzer(),
        new EvictedPodAnalyzer(),
        new NodeConditionAnalyzer(),
        new WorkloadAnalyzer(),
        new ServiceAnalyzer(),
        new DependencyAnalyzer(),
        new PermissionAnalyzer(),
        new JobAnalyzer(),
        new IngressAnalyzer(),
        new StorageAnalyzer(),
        new CronJobAnalyzer(),
        new HpaAnalyzer(),
        new PdbAnalyzer(),
        new NetworkPolicyAnalyzer(),
        new GatewayApiAnalyzer(),
        new WebhookAnalyzer(),
        new CertificateAnalyzer(),
        new ConditionAnalyzer(),
    ];
}
