using KubeTriage.Core.Model;
using KubeTriage.Core.Model.Views;

namespace KubeTriage.Core.Analyzers.Services;

/// <summary>Answers which pods a Service selects and whether it has ready endpoints.</summary>
public static class ServiceEndpoints
{
    /// <summary>Returns the non-terminal pods in the Service's namespace that its selector matches.</summary>
    public static IReadOnlyList<KubeObject> SelectedPods(ClusterState cluster, KubeObject service)
    {
        var selector = service.Raw.Map("spec.selector");
        if (selector.Count == 0)
        {
            return [];
        }

        // Start from the rarest label of the selector, then check the rest: a Service selects few of many pods.
        return cluster.Memo("selected-pods", service.Ref, () =>
        {
            var candidates = selector.Select(kv => cluster.ActivePodsWithLabel(service.Namespace, kv.Key, kv.Value)).MinBy(list => list.Count)!;
            return (IReadOnlyList<KubeObject>)[.. candidates.Where(p => LabelSelector.Matches(selector, p.Labels))];
        });
    }

    /// <summary>Returns whether the Service has at least one ready endpoint (Endpoints, EndpointSlices, or ready selected pods).</summary>
    public static bool HasReadyEndpoints(ClusterState cluster, KubeObject service)
    {
        var endpoints = cluster.Find("Endpoints", service.Namespace, service.Name);
        if (endpoints is not null)
        {
            return endpoints.Raw.Objects("subsets").Any(s => s.Objects("addresses").Any());
        }

        var slices = cluster.InNamespace("EndpointSlice", service.Namespace).Where(s => s.Labels.GetValueOrDefault("kubernetes.io/service-name") == service.Name).ToList();
        if (slices.Count > 0)
        {
            return slices.Any(s => s.Raw.Objects("endpoints").Any(e => e.Bool("conditions.ready") != false));
        }

        return SelectedPods(cluster, service).Any(p => new PodView(p).IsReady);
    }

    /// <summary>Returns the workloads whose pod template the Service's selector matches.</summary>
    public static IEnumerable<KubeObject> BackingWorkloads(ClusterState cluster, KubeObject service)
    {
        var selector = service.Raw.Map("spec.selector");
        return new[] { "Deployment", "StatefulSet", "DaemonSet" }
            .SelectMany(kind => cluster.InNamespace(kind, service.Namespace))
            .Where(w => LabelSelector.Matches(selector, w.Raw.Map("spec.template.metadata.labels")));
    }
}
