using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;

namespace KubeTriage.AI.Agents.Clusters;

/// <summary>Adapts our Kubernetes REST client to <see cref="IClusterReader"/>, calling only list, get, discovery and logs.</summary>
/// <remarks>The client stays private here: the tools hold the reader interface, which cannot write.</remarks>
public sealed class KubernetesClusterReader : IClusterReader
{
    private const int MaxListedObjects = 500;

    private readonly IKubernetesClient _client;
    private readonly Lazy<Task<ApiResourceCatalog?>> _catalog;

    /// <summary>Wraps <paramref name="client"/>; discovery runs once, on first use.</summary>
    public KubernetesClusterReader(IKubernetesClient client)
    {
        _client = client;
        _catalog = new Lazy<Task<ApiResourceCatalog?>>(DiscoverAsync);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KubeObject>> ListAsync(string apiVersion, string resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var type = await ResolveAsync(apiVersion, resource, ns).ConfigureAwait(false);
        var list = await _client.ListElementsAsync(type, type.Namespaced ? ns : null, new ListOptions { LabelSelector = labelSelector }, cancellationToken)
            .ConfigureAwait(false);
        return [.. list.Items.Take(MaxListedObjects).Select(i => Scrub(new KubeObject(i, type.Kind.Length > 0 ? type.Kind : list.ItemKind, list.ApiVersion)))];
    }

    /// <inheritdoc/>
    public async Task<KubeObject?> GetAsync(string apiVersion, string resource, string? ns, string name, CancellationToken cancellationToken)
    {
        var type = await ResolveAsync(apiVersion, resource, ns).ConfigureAwait(false);
        try
        {
            var obj = await _client.GetAsync(type, type.Namespaced ? ns : null, name, cancellationToken).ConfigureAwait(false);
            return Scrub(new KubeObject(obj));
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<string?> GetLogsAsync(
        string ns, string pod, string? container, bool previous, int? tailLines, int? sinceSeconds, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetLogsAsync(ns, pod, container, previous, tailLines, sinceSeconds, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException ex) when (ex.StatusCode is 400 or 404)
        {
            // 400: no previous instance, or a container name is needed; the tool says so instead of failing.
            return null;
        }
    }

    private async Task<ApiResourceCatalog?> DiscoverAsync()
    {
        try
        {
            return await _client.DiscoverAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (KubernetesException)
        {
            return null;
        }
    }

    private async Task<ResourceType> ResolveAsync(string apiVersion, string resource, string? ns)
    {
        var (group, version) = ApiVersions.Split(apiVersion);
        var plural = resource.ToLowerInvariant();
        var catalog = await _catalog.Value.ConfigureAwait(false);
        var found = catalog?.Resources.FirstOrDefault(r =>
            r.Type.Group == group && r.Type.Plural == plural && (version is null || r.Type.Version == version));
        if (found is not null)
        {
            return found.Type;
        }

        return version is null
            ? throw new ArgumentException($"{plural} in group '{group}' is not served by this cluster; give apiVersion as group/version.")
            : new ResourceType(group, version, plural, "", Namespaced: !string.IsNullOrEmpty(ns));
    }

    // Secret values never leave the reader; the key names are enough to diagnose a missing key.
    private static KubeObject Scrub(KubeObject obj)
    {
        if (!obj.Kind.Equals("Secret", StringComparison.OrdinalIgnoreCase))
        {
            return obj;
        }

        var node = JsonNode.Parse(obj.Raw.GetRawText())!.AsObject();
        foreach (var field in new[] { "data", "stringData" })
        {
            if (node[field] is JsonObject values)
            {
                foreach (var key in values.Select(p => p.Key).ToList())
                {
                    values[key] = "";
                }
            }
        }

        node["kind"] ??= "Secret";
        node["apiVersion"] ??= "v1";
        return new KubeObject(JsonSerializer.SerializeToElement(node));
    }
}
