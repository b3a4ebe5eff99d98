using System.ComponentModel;
using System.Text;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>The management cluster's view: Cluster API, Flux and Giant Swarm App objects with their Ready state.</summary>
internal sealed partial class ClusterTools
{
    private static readonly (string Group, string Resource, string Kind)[] FleetResources =
    [
        ("cluster.x-k8s.io", "clusters", "Cluster"),
        ("controlplane.cluster.x-k8s.io", "kubeadmcontrolplanes", "KubeadmControlPlane"),
        ("cluster.x-k8s.io", "machinedeployments", "MachineDeployment"),
        ("cluster.x-k8s.io", "machines", "Machine"),
        ("helm.toolkit.fluxcd.io", "helmreleases", "HelmRelease"),
        ("kustomize.toolkit.fluxcd.io", "kustomizations", "Kustomization"),
        ("application.giantswarm.io", "apps", "App"),
    ];

    public async Task<string> FleetStatusAsync(
        [Description("Namespace; omit for all namespaces.")] string? @namespace = null,
        [Description("True to list only objects that are not Ready.")] bool notReadyOnly = false,
        CancellationToken cancellationToken = default)
    {
        var ns = NullIfEmpty(@namespace);
        var text = new StringBuilder();
        foreach (var (group, resource, kind) in FleetResources)
        {
            IReadOnlyList<KubeObject> objects = [.. (ns is null ? State.OfKind(kind) : State.InNamespace(kind, ns)).Where(o => ApiVersions.GroupOf(o.ApiVersion) == group)];
            if (objects.Count == 0 && cluster.Live is { } live)
            {
                try
                {
                    objects = await live.ListAsync(group, resource, ns, null, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException)
                {
                    // The cluster does not serve this resource (no Flux, no App operator): nothing to show.
                }
            }

            foreach (var obj in objects.Select(o => (Object: o, Ready: Conditions.Ready(o))).Where(x => !notReadyOnly || x.Ready != "True"))
            {
                text.Append(FleetLine(obj.Object, obj.Ready)).Append('\n');
            }
        }

        return ToolOutput.Frame($"{ClusterToolNames.FleetStatus} {ns}".TrimEnd(), text.Length == 0 ? "No Cluster API, Flux or App objects." : text.ToString());
    }

    private static string FleetLine(KubeObject obj, string? ready)
    {
        var raw = obj.Raw;
        var line = new StringBuilder(ready == "True" ? "  " : "! ").Append(obj.Kind).Append(' ').Append(obj.Namespace).Append('/').Append(obj.Name);
        if (raw.Str("status.phase") is { } phase)
        {
            line.Append(" phase=").Append(phase);
        }

        if (obj.Kind == "Machine")
        {
            line.Append(" node=").Append(raw.Str("status.nodeRef.name") ?? "none");
        }

        if (raw.Long("spec.replicas") is { } replicas)
        {
            line.Append(" replicas=").Append(raw.Long("status.readyReplicas") ?? 0).Append('/').Append(replicas).Append(" ready");
        }

        if (obj.Kind == "App")
        {
            line.Append(" release=").Append(raw.Str("status.release.status") ?? "unknown").Append(" version=").Append(raw.Str("status.version") ?? raw.Str("spec.version") ?? "?");
            if (raw.Str("status.release.reason") is { Length: > 0 } reason)
            {
                line.Append(" reason=").Append(ToolOutput.Cap(reason, 200));
            }
        }

        line.Append(' ').Append(Conditions.Summary(obj));
        return line.ToString().TrimEnd();
    }
}
