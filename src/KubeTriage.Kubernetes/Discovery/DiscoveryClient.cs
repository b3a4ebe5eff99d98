using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Http;

namespace KubeTriage.Kubernetes;

/// <summary>Builds an <see cref="ApiResourceCatalog"/> from /api, /apis and each group's preferred version, fetched in parallel.</summary>
internal sealed class DiscoveryClient(ApiRequester requester, int concurrency)
{
    public async Task<ApiResourceCatalog> DiscoverAsync(CancellationToken cancellationToken)
    {
        var coreTask = requester.SendJsonAsync(HttpMethod.Get, "api", null, cancellationToken);
        var groupsTask = requester.SendJsonAsync(HttpMethod.Get, "apis", null, cancellationToken);
        var core = await coreTask.ConfigureAwait(false);
        var groups = await groupsTask.ConfigureAwait(false);

        var targets = new List<(string Group, string Version, string Path)>();
        if (Json.GetStrings(core, "versions").FirstOrDefault() is { } coreVersion)
        {
            targets.Add((string.Empty, coreVersion, $"api/{coreVersion}"));
        }

        foreach (var group in (groups["groups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var preferred = (group["preferredVersion"] as JsonObject) ?? (group["versions"] as JsonArray)?.FirstOrDefault() as JsonObject;
            var name = Json.GetString(group, "name");
            var version = preferred is null ? null : Json.GetString(preferred, "version");
            if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(version))
            {
                targets.Add((name, version, $"apis/{name}/{version}"));
            }
        }

        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var results = await Task.WhenAll(targets.Select(t => FetchAsync(t.Group, t.Version, t.Path, gate, cancellationToken))).ConfigureAwait(false);
        var warnings = results.Where(r => r.Warning is not null).Select(r => r.Warning!).ToList();
        return new ApiResourceCatalog(results.SelectMany(r => r.Resources).ToList(), warnings);
    }

    private async Task<(IReadOnlyList<ApiResource> Resources, string? Warning)> FetchAsync(
        string group, string version, string path, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var list = await requester.SendJsonAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            return (ApiResourceListParser.Parse(list, group, version), null);
        }
        catch (KubernetesException ex) when (group.Length > 0)
        {
            // Like kubectl, an unavailable group (typically an aggregated API such as metrics.k8s.io) degrades discovery
            // instead of failing it.
            var groupVersion = $"{group}/{version}";
            return ([], $"unable to retrieve the complete list of server APIs: {groupVersion}: {ex.Message}");
        }
        finally
        {
            gate.Release();
        }
    }
}
