using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Reads an APIResourceList, attaching "parent/sub" entries to their parent as subresources.</summary>
internal static class ApiResourceListParser
{
    public static IReadOnlyList<ApiResource> Parse(JsonObject list, string group, string version)
    {
        var entries = (list["resources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var subresources = entries
            .Select(e => (Entry: e, Name: Json.GetString(e, "name") ?? string.Empty))
            .Where(e => e.Name.Contains('/'))
            .ToLookup(e => e.Name[..e.Name.IndexOf('/')], e => ToSubresource(e.Entry, e.Name, group, version));

        var resources = new List<ApiResource>();
        foreach (var entry in entries)
        {
            var name = Json.GetString(entry, "name");
            var kind = Json.GetString(entry, "kind");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(kind) || name.Contains('/'))
            {
                continue;
            }

            var singular = Json.GetString(entry, "singularName");
            resources.Add(new ApiResource
            {
                Type = new ResourceType(group, version, name, kind, Json.GetBool(entry, "namespaced")),
                SingularName = string.IsNullOrEmpty(singular) ? kind.ToLowerInvariant() : singular,
                Verbs = Json.GetStrings(entry, "verbs"),
                ShortNames = Json.GetStrings(entry, "shortNames"),
                Categories = Json.GetStrings(entry, "categories"),
                Subresources = subresources[name].ToList(),
            });
        }

        return resources;
    }

    private static ApiSubresource ToSubresource(JsonObject entry, string name, string group, string version) => new(
        name[(name.IndexOf('/') + 1)..],
        Json.GetString(entry, "kind") ?? string.Empty,

        // e.g. deployments/scale is served as autoscaling/v1 Scale.
        Json.GetString(entry, "group") ?? group,
        Json.GetString(entry, "version") ?? version,
        Json.GetStrings(entry, "verbs"));
}
