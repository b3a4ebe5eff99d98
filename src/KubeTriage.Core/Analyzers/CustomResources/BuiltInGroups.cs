namespace KubeTriage.Core.Analyzers.CustomResources;

/// <summary>API groups served by Kubernetes itself (and Gateway API, which has its own analyzer); everything else is a custom resource.</summary>
internal static class BuiltInGroups
{
    private static readonly HashSet<string> Groups =
    [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "events.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
        "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io", "flowcontrol.apiserver.k8s.io", "apiregistration.k8s.io",
        "authentication.k8s.io", "authorization.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "metrics.k8s.io",
        "gateway.networking.k8s.io",
    ];

    public static bool IsBuiltIn(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return Groups.Contains(slash < 0 ? "" : apiVersion[..slash]);
    }
}
