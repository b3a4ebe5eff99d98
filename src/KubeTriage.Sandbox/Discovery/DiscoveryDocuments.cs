using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Discovery;

/// The discovery documents: /version, /api, /apis, /apis/{group} and the APIResourceLists.
internal sealed class DiscoveryDocuments(ResourceCatalog catalog)
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0+kubetriage-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject Api(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public JsonObject Apis()
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in catalog.Groups().Where(g => g.Group.Length > 0))
        {
            groups.Add(GroupBody(group, versions));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public JsonObject? Group(string name)
    {
        var match = catalog.Groups().FirstOrDefault(g => g.Group == name && name.Length > 0);
        if (match.Versions is null)
        {
            return null;
        }

        var body = new JsonObject { ["kind"] = "APIGroup", ["apiVersion"] = "v1" };
        foreach (var entry in GroupBody(match.Group, match.Versions))
        {
            body[entry.Key] = entry.Value?.DeepClone();
        }

        return body;
    }

    public JsonObject? ResourceList(string group, string version)
    {
        var resources = catalog.All().Where(r => r.Group == group && r.Version == version).OrderBy(r => r.Plural, StringComparer.Ordinal).ToList();
        if (resources.Count == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var resource in resources)
        {
            list.Add(Entry(resource));
            foreach (var sub in resource.Subresources.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                list.Add(SubresourceEntry(resource, sub));
            }
        }

        // The legacy core group omits apiVersion, exactly like the recorded server.
        var body = new JsonObject { ["kind"] = "APIResourceList" };
        if (group.Length > 0)
        {
            body["apiVersion"] = "v1";
        }

        body["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}";
        body["resources"] = list;
        return body;
    }

    private static JsonObject GroupBody(string group, IReadOnlyList<string> versions)
    {
        var array = new JsonArray();
        foreach (var version in versions)
        {
            array.Add(new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = array,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    private static JsonObject Entry(ResourceInfo resource)
    {
        var entry = new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.SingularName,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
            ["verbs"] = new JsonArray(resource.Verbs.Select(v => (JsonNode?)v).ToArray()),
        };
        if (resource.ShortNames.Count > 0)
        {
            entry["shortNames"] = new JsonArray(resource.ShortNames.Select(v => (JsonNode?)v).ToArray());
        }

        if (resource.Categories.Count > 0)
        {
            entry["categories"] = new JsonArray(resource.Categories.Select(v => (JsonNode?)v).ToArray());
        }

        if (resource.HasStorage)
        {
            entry["storageVersionHash"] = StorageVersionHash(resource);
        }

        return entry;
    }

    private static JsonObject SubresourceEntry(ResourceInfo resource, SubresourceInfo sub)
    {
        var entry = new JsonObject
        {
            ["name"] = $"{resource.Plural}/{sub.Name}",
            ["singularName"] = "",
            ["namespaced"] = resource.Namespaced,
        };
        if (sub.Group is not null)
        {
            entry["group"] = sub.Group;
            entry["version"] = sub.Version;
        }

        entry["kind"] = sub.Kind;
        entry["verbs"] = new JsonArray(sub.Verbs.Select(v => (JsonNode?)v).ToArray());
        return entry;
    }

    // The real hash covers the storage version; any stable 8-byte digest serves clients the same way.
    private static string StorageVersionHash(ResourceInfo resource)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{resource.Group}/{resource.Version}/{resource.Kind}"));
        return Convert.ToBase64String(digest, 0, 8);
    }
}
