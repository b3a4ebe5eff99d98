namespace KubeTriage.Core.Model;

/// <summary>Names the API groups Kubernetes serves itself (plus Gateway API, which has its own analyzer); any other group holds custom resources.</summary>
public static class BuiltInApiGroups
{
    private static readonly HashSet<string> Groups =
    [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "events.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
        "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io", "flowcontrol.apiserver.k8s.io", "apiregistration.k8s.io",
        "authentication.k8s.io", "authorization.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "metrics.k8s.io",
        "gateway.networking.k8s.io", "storagemigration.k8s.io",
    ];

    /// <summary>Returns whether an API group (empty for core) is built in.</summary>
    public static bool IsBuiltInGroup(string group) => Groups.Contains(group);

    /// <summary>Returns whether an apiVersion (v1, apps/v1, example.com/v1) belongs to a built-in group.</summary>
    public static bool IsBuiltIn(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return Groups.Contains(slash < 0 ? "" : apiVersion[..slash]);
    }
}
