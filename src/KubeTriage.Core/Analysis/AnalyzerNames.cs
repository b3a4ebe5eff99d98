namespace KubeTriage.Core.Analysis;

/// <summary>Names of the built-in analyzers, as they appear in findings.</summary>
public static class AnalyzerNames
{
    public const string ContainerState = "container-state";
    public const string PendingPod = "pending-pod";
    public const string Probes = "probes";
    public const string EvictedPods = "evicted-pods";
    public const string Nodes = "nodes";
    public const string Workloads = "workloads";
    public const string Services = "services";
    public const string Logs = "logs";
    public const string Dependencies = "dependencies";
    public const string Jobs = "jobs";
    public const string Ingress = "ingress";
    public const string Storage = "storage";
    public const string CronJobs = "cronjobs";
    public const string Autoscaling = "autoscaling";
    public const string Disruption = "disruption-budgets";
    public const string NetworkPolicies = "network-policies";
    public const string Webhooks = "admission-webhooks";
    public const string Certificates = "certificates";
    public const string CustomResources = "custom-resources";
    public const string Gateways = "gateway-api";
}
