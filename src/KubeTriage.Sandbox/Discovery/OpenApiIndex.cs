using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Discovery;

/// The /openapi/v3 index. The documents it points to are not served (404): kubectl only needs them for explain.
internal sealed class OpenApiIndex(ResourceCatalog catalog)
{
    private static readonly string[] s_fixedPaths = [".well-known/openid-configuration", "api", "api/v1", "apis", "logs", "openid/v1/jwks", "version"];

    public JsonObject Build()
    {
        var keys = new SortedSet<string>(s_fixedPaths, StringComparer.Ordinal);
        // The aggregator's own group is not part of the v3 index, as on the recorded server.
        foreach (var resource in catalog.All().Where(r => r.Group.Length > 0 && r.Group != "apiregistration.k8s.io"))
        {
            keys.Add($"apis/{resource.Group}/{resource.Version}");
            if (!resource.IsCustom)
            {
                keys.Add($"apis/{resource.Group}");
            }
        }

        var paths = new JsonObject();
        foreach (var key in keys)
        {
            var hash = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(key)));
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }
}
