using System.Globalization;
using KubeTriage.Sandbox.Discovery;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Http;

/// A parsed resource request: which resource, where, and what the client wants done.
internal sealed record ApiRequest(HttpContext Context, ResourceInfo Resource, string? Namespace, string? Name, string? Subresource, bool WatchPath)
{
    public string Method => Context.Request.Method;

    public IQueryCollection Query => Context.Request.Query;

    public bool IsWatch => WatchPath || Query["watch"] is var w && (w == "true" || w == "1");

    public bool DryRun => Query["dryRun"].Any(v => v == "All");

    public string Verb => Method switch
    {
        "GET" or "HEAD" => Name is null ? (IsWatch ? "watch" : "list") : IsWatch ? "watch" : "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => Name is null ? "deletecollection" : "delete",
        _ => Method.ToLowerInvariant(),
    };

    /// <summary>The storage key of the named object.</summary>
    public Storage.StoreKey Key => new(Resource.StorageGroup, Resource.Plural, Resource.Namespaced ? Namespace ?? "" : "", Name ?? "");

    public string? Param(string name) => Query.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;

    public long? LongParam(string name) =>
        long.TryParse(Param(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>managedFields manager: ?fieldManager, else the User-Agent up to the first '/'.</summary>
    public string FieldManager
    {
        get
        {
            var explicitManager = Param("fieldManager");
            if (!string.IsNullOrEmpty(explicitManager))
            {
                return explicitManager;
            }

            var agent = Context.Request.Headers.UserAgent.ToString();
            var slash = agent.IndexOf('/');
            var manager = slash >= 0 ? agent[..slash] : agent;
            return manager.Length == 0 ? "unknown" : manager;
        }
    }
}
