using KubeTriage.Sandbox.Discovery;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Http;

/// Maps /api/v1/... and /apis/{group}/{version}/... paths to resources, like the apiserver's RequestInfoFactory.
internal static class PathParser
{
    /// <summary>Null when the path is not a resource path of a known group/version (a plain 404).</summary>
    public static ApiRequest? Parse(HttpContext context, string path, ResourceCatalog catalog)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        string group;
        string version;
        int rest;
        if (segments.Count >= 2 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Count >= 3 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var parts = segments.Skip(rest).ToList();
        var watchPath = parts.Count > 0 && parts[0] == "watch";
        if (watchPath)
        {
            parts.RemoveAt(0);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var known = catalog.All().Where(r => r.Group == group && r.Version == version).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        string? ns = null;
        // namespaces/{ns}/{resource}... unless it is the namespace object's own subresource (namespaces/{name}/status).
        if (parts.Count >= 3 && parts[0] == "namespaces" && known.Any(r => r.Plural == parts[2]))
        {
            ns = parts[1];
            parts = parts.Skip(2).ToList();
        }

        var resource = known.FirstOrDefault(r => r.Plural == parts[0]) ?? throw Statuses.ResourceNotFound();
        var name = parts.Count > 1 ? parts[1] : null;
        var subresource = parts.Count > 2 ? parts[2] : null;
        if (parts.Count > 3 || (subresource is not null && !resource.HasSubresource(subresource)))
        {
            throw Statuses.ResourceNotFound();
        }

        if (resource.Namespaced && ns is null && name is not null)
        {
            // A namespaced object addressed without a namespace does not exist as a path.
            throw Statuses.ResourceNotFound();
        }

        return new ApiRequest(context, resource, resource.Namespaced ? ns : null, name, subresource, watchPath);
    }
}
