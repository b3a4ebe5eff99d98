using System.ComponentModel;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Generic manifests: any resource by apiVersion and plural, from the collected state, else live.</summary>
internal sealed partial class ClusterTools
{
    private const int MaxListed = 100;

    public async Task<string> ListManifestsAsync(
        [Description("apiVersion, such as v1, apps/v1 or cluster.x-k8s.io/v1beta1 (a group alone picks its preferred version).")] string apiVersion,
        [Description("Plural resource, such as deployments or helmreleases.")] string resource,
        [Description("Namespace; omit for all namespaces or a cluster-scoped resource.")] string? @namespace = null,
        [Description("Label selector, such as app=checkout.")] string? labelSelector = null,
        CancellationToken cancellationToken = default)
    {
        var objects = await FindAllAsync(apiVersion, resource, NullIfEmpty(@namespace), NullIfEmpty(labelSelector), cancellationToken).ConfigureAwait(false);
        var text = objects.Count == 0
            ? $"No {resource} objects."
            : string.Join('\n', objects.Take(MaxListed).Select(ObjectRenderer.StatusLine))
                + (objects.Count > MaxListed ? $"\n[{objects.Count - MaxListed} more not shown; narrow with namespace or labelSelector]" : "");
        return ToolOutput.Frame($"{ClusterToolNames.ListManifests} {apiVersion} {resource} {@namespace}".TrimEnd(), text);
    }

    public async Task<string> GetManifestAsync(
        [Description("apiVersion, such as v1, apps/v1 or helm.toolkit.fluxcd.io/v2.")] string apiVersion,
        [Description("Plural resource, such as pods or machines.")] string resource,
        [Description("Namespace; omit for a cluster-scoped resource.")] string? @namespace,
        string name,
        CancellationToken cancellationToken = default)
    {
        var ns = NullIfEmpty(@namespace);
        var obj = (await FindAllAsync(apiVersion, resource, ns, null, cancellationToken, name).ConfigureAwait(false)).FirstOrDefault();
        var text = obj is null ? $"{resource} {ns}/{name} not found." : ObjectRenderer.Describe(obj);
        return ToolOutput.Frame($"{ClusterToolNames.GetManifest} {apiVersion} {resource} {ns}/{name}", text);
    }

    // The collected state answers first (no API call); the live reader covers kinds collection skipped.
    private async Task<IReadOnlyList<KubeObject>> FindAllAsync(
        string apiVersion, string resource, string? ns, string? labelSelector, CancellationToken ct, string? name = null)
    {
        var (group, version) = ApiVersions.Split(apiVersion);
        var kind = ResourceNames.KindFor(State, group, resource);
        if (kind is not null)
        {
            var candidates = ns is null ? State.OfKind(kind) : State.InNamespace(kind, ns);
            var matches = candidates
                .Where(o => ApiVersions.GroupOf(o.ApiVersion) == group && (version is null || o.ApiVersion.EndsWith("/" + version, StringComparison.Ordinal) || o.ApiVersion == version))
                .Where(o => name is null || o.Name == name)
                .Where(o => labelSelector is null || LabelSelectorMatch.Matches(o, labelSelector))
                .ToList();
            if (matches.Count > 0 || cluster.Live is null)
            {
                return matches;
            }
        }

        if (cluster.Live is not { } live)
        {
            return [];
        }

        if (name is not null)
        {
            return await live.GetAsync(apiVersion, resource, ns, name, ct).ConfigureAwait(false) is { } one ? [one] : [];
        }

        return await live.ListAsync(apiVersion, resource, ns, labelSelector, ct).ConfigureAwait(false);
    }
}
