using KubeTriage.Core.Analysis;
using KubeTriage.Core.Analyzers.Services;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Recognises cluster DNS (the kube-dns Service and its CoreDNS workload) and lookups that fail because it is down.</summary>
internal static class ClusterDns
{
    public static (KubeObject Service, KubeObject? Workload)? Find(ClusterState cluster)
    {
        var service = cluster.Find("Service", "kube-system", "kube-dns")
            ?? cluster.OfKind("Service").FirstOrDefault(s => s.Namespace == "kube-system" && s.Labels.GetValueOrDefault("k8s-app") is "kube-dns" or "coredns");
        return service is null ? null : (service, ServiceEndpoints.BackingWorkloads(cluster, service).FirstOrDefault());
    }

    /// <summary>Returns whether a log line is a name lookup that failed against the cluster DNS server itself.</summary>
    public static bool IsLookupFailure(LogSignature signature, KubeObject dnsService)
    {
        var ip = dnsService.Raw.Str("spec.clusterIP");
        var line = signature.Line;
        var viaClusterDns = (ip is not null && line.Contains($"{ip}:53", StringComparison.Ordinal)) || signature.Host == ip;
        return viaClusterDns && (signature.Kind is LogSignatureKind.Timeout or LogSignatureKind.ConnectionRefused
            || line.Contains("server misbehaving", StringComparison.Ordinal) || line.Contains("no such host", StringComparison.Ordinal));
    }

    public static Finding DownFinding(AnalysisContext context, (KubeObject Service, KubeObject? Workload) dns, LogSignature example, KubeObject caller)
    {
        var subject = dns.Workload?.Ref ?? dns.Service.Ref;
        var state = dns.Workload is null ? "no workload backs it"
            : dns.Workload.Raw.Long("spec.replicas") == 0 ? $"{dns.Workload.Kind} {dns.Workload.Name} is scaled to 0"
            : $"{dns.Workload.Kind} {dns.Workload.Name} has {dns.Workload.Raw.Long("status.readyReplicas") ?? 0}/{dns.Workload.Raw.Long("spec.replicas") ?? 1} ready replicas";
        return new Finding
        {
            Analyzer = AnalyzerNames.Dependencies,
            Category = Categories.DependencyUnavailable,
            Severity = Severity.Critical,
            Subject = subject,
            Title = "Cluster DNS is down: name lookups fail in every namespace",
            Explanation = $"Service kube-system/{dns.Service.Name} ({dns.Service.Raw.Str("spec.clusterIP")}) has no ready endpoints because {state}, so every pod that resolves a name fails. "
                + "This is one cluster-wide cause: fix DNS and the callers recover.",
            Evidence =
            [
                Evidence.Status($"Endpoints kube-system/{dns.Service.Name}: no ready addresses"),
                Evidence.Log($"[{caller.Name}] {example.Line.Trim()}"),
            ],
            Remediation =
            [
                new Remediation("Check the DNS pods and their logs", "kubectl get pods -n kube-system -l k8s-app=kube-dns; kubectl logs -n kube-system -l k8s-app=kube-dns --tail=50", Remediation.Safe),
                .. dns.Workload is { } w && w.Raw.Long("spec.replicas") == 0
                    ? new[] { new Remediation($"Scale {w.Name} back up", $"kubectl scale {w.Kind.ToLowerInvariant()}/{w.Name} -n kube-system --replicas=2", Remediation.Confirm) }
                    : [],
            ],
        };
    }

    public static Finding CallerFinding(KubeObject pod, string container, LogSignature lookup, (KubeObject Service, KubeObject? Workload) dns)
        => new()
        {
            Analyzer = AnalyzerNames.Dependencies,
            Category = Categories.DependencyUnavailable,
            Severity = Severity.Info,
            Subject = pod.Ref,
            Container = container,
            Cause = dns.Workload?.Ref ?? dns.Service.Ref,
            Title = $"Pod {pod.Name} cannot resolve names",
            Explanation = lookup.Line.Trim(),
            Evidence = [Evidence.Log($"[{pod.Name}/{container}] {lookup.Line.Trim()}")],
        };
}
