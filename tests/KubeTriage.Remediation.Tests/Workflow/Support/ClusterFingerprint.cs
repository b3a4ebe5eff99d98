using KubeTriage.Kubernetes;

namespace KubeTriage.Remediation.Tests.Workflow.Support;

/// <summary>Every object of the kinds an action could touch, with its resourceVersion: equal fingerprints mean nothing was written.</summary>
internal static class ClusterFingerprint
{
    private static readonly ResourceType[] s_types =
    [
        ResourceTypes.Pods, ResourceTypes.Deployments, ResourceTypes.ReplicaSets, ResourceTypes.StatefulSets, ResourceTypes.DaemonSets,
        ResourceTypes.Jobs, new("batch", "v1", "cronjobs", "CronJob", true), ResourceTypes.Namespaces, ResourceTypes.Nodes,
        ResourceTypes.Services, ResourceTypes.ConfigMaps, ResourceTypes.PersistentVolumeClaims,
    ];

    public static async Task<SortedSet<string>> TakeAsync(IKubernetesClient client, CancellationToken ct)
    {
        var objects = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in s_types)
        {
            var list = await client.ListAsync(type, ns: null, cancellationToken: ct);
            foreach (var item in list.Items)
            {
                var metadata = item["metadata"];
                objects.Add($"{type.Kind}/{metadata?["namespace"]}/{metadata?["name"]}@{metadata?["resourceVersion"]}");
            }
        }

        return objects;
    }

    /// <summary>Returns what differs between two fingerprints, for a failure message.</summary>
    public static string Difference(SortedSet<string> before, SortedSet<string> after)
        => string.Join(", ", before.Except(after).Select(o => "-" + o).Concat(after.Except(before).Select(o => "+" + o)).Take(8));
}
