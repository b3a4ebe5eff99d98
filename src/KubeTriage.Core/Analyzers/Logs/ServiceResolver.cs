using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Resolves a host named in a log (service, service.ns, service.ns.svc.cluster.local, or a ClusterIP) to a Service.</summary>
internal static class ServiceResolver
{
    public static KubeObject? Resolve(ClusterState cluster, string host, string callerNamespace)
    {
        if (System.Net.IPAddress.TryParse(host, out _))
        {
            return cluster.OfKind("Service").FirstOrDefault(s => s.Raw.Str("spec.clusterIP") == host);
        }

        var labels = host.TrimEnd('.').Split('.');
        var name = labels[0];
        var ns = labels.Length >= 2 && labels[1] != "svc" ? labels[1] : callerNamespace;
        return cluster.Find("Service", ns, name);
    }

    /// <summary>Returns whether a host name can only mean an in-cluster Service (short name or *.svc[.cluster.local]).</summary>
    public static bool IsClusterName(string host)
        => !System.Net.IPAddress.TryParse(host, out _) && (!host.Contains('.') || host.Contains(".svc", StringComparison.Ordinal));
}
