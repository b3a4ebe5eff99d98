using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Links failing pods whose logs show refused connections or DNS failures to the in-cluster Service they call.</summary>
internal sealed class DependencyAnalyzer : IAnalyzer
{
    public string Name => AnalyzerNames.Dependencies;

    public void Analyze(AnalysisContext context)
    {
        var dns = ClusterDns.Find(context.Cluster);
        var dnsDown = dns is not null && !ServiceEndpoints.HasReadyEndpoints(context.Cluster, dns.Value.Service);
        if (dnsDown)
        {
            // With cluster DNS down every lookup fails, also in pods that keep running: one cluster-wide cause
            // on the DNS workload, and every caller joins it.
            ReportDnsOutage(context, dns!.Value);
        }

        foreach (var (pod, container, signatures) in NetworkFailures.Find(context))
        {
            foreach (var signature in signatures.Where(s => !dnsDown || !ClusterDns.IsLookupFailure(s, dns!.Value.Service)))
            {
                if (Explain(context, pod, container, signature) is { } finding)
                {
                    context.Add(finding);
                    break;
                }
            }
        }
    }

    private static void ReportDnsOutage(AnalysisContext context, (KubeObject Service, KubeObject? Workload) dns)
    {
        var reported = false;
        foreach (var pod in context.InScope("Pod").Where(p => !new PodView(p).IsTerminal))
        {
            foreach (var container in pod.Raw.Objects("spec.containers").Select(c => c.Str("name")).OfType<string>())
            {
                var lookup = new[] { false, true }
                    .Select(previous => context.Cluster.Log(pod.Namespace ?? "", pod.Name, container, previous))
                    .OfType<ContainerLog>()
                    .SelectMany(log => LogSignatureScanner.Scan(log.Text))
                    .FirstOrDefault(s => ClusterDns.IsLookupFailure(s, dns.Service));
                if (lookup is null)
                {
                    continue;
                }

                if (!reported)
                {
                    context.Add(ClusterDns.DownFinding(context, dns, lookup, pod));
                    reported = true;
                }

                context.Add(ClusterDns.CallerFinding(pod, container, lookup, dns));
            }
        }
    }

    private Finding? Explain(AnalysisContext context, PodView pod, ContainerStatusView container, LogSignature signature)
    {
        var service = ServiceResolver.Resolve(context.Cluster, signature.Host!, pod.Object.Namespace ?? "");
        string why;
        ObjectRef cause;
        if (service is null)
        {
            if (signature.Kind != LogSignatureKind.NoSuchHost || !ServiceResolver.IsClusterName(signature.Host!))
            {
                return null;
            }

            cause = new ObjectRef("Service", pod.Object.Namespace, signature.Host!.Split('.')[0]);
            why = $"it calls \"{signature.Host}\", but no such Service exists, so the name does not resolve";
        }
        else if (ServiceEndpoints.HasReadyEndpoints(context.Cluster, service))
        {
            return null;
        }
        else
        {
            cause = service.Ref;
            why = $"it calls Service {service.Namespace}/{service.Name}{(signature.Port is { } p ? $" on port {p}" : "")}, which has no ready endpoints: {BackendState(context, service)}";
        }

        var workload = OwnerResolver.TopControllerRef(context.Cluster, pod.Object);
        return new Finding
        {
            Analyzer = Name,
            Category = Categories.DependencyUnavailable,
            Severity = Impact.SeverityFor(context.Cluster, pod.Object),
            Subject = pod.Object.Ref,
            Container = container.Name,
            Cause = cause,
            Title = $"{workload.Kind} {workload.Name} fails because its dependency {cause.Name} is unavailable",
            Explanation = $"Container {container.Name} fails because {why}. Fix the dependency; the caller recovers on its own.",
            Evidence = [.. PodEvidence(pod, container), Evidence.Log($"[{pod.Object.Name}/{container.Name}] {signature.Line.Trim()}")],
            Remediation = [Fixes.Describe(cause), new Remediation($"Check the endpoints of {cause.Name}", $"kubectl get endpoints {cause.Name}{cause.NamespaceFlag}", Remediation.Safe)],
        };
    }

    private static IEnumerable<Evidence> PodEvidence(PodView pod, ContainerStatusView container)
    {
        if (container.WaitingReason is { } reason)
        {
            yield return Evidence.Status($"Container {container.Name}: Waiting: {reason}, restart count {container.RestartCount}");
        }
    }

    private static string BackendState(AnalysisContext context, KubeObject service)
    {
        var workloads = ServiceEndpoints.BackingWorkloads(context.Cluster, service).ToList();
        if (workloads.Count == 0)
        {
            return "no workload has pods matching its selector";
        }

        var w = workloads[0];
        var replicas = w.Raw.Long("spec.replicas");
        if (replicas == 0)
        {
            return $"{w.Kind} {w.Namespace}/{w.Name} is scaled to 0 replicas";
        }

        return $"the pods of {w.Kind} {w.Namespace}/{w.Name} are not ready ({w.Raw.Long("status.readyReplicas") ?? w.Raw.Long("status.numberReady") ?? 0}/{replicas ?? 1} ready)";
    }
}
