using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;
using KubeTriage.Sandbox.Json;

namespace KubeTriage.Sandbox.Selectors;

/// List continuation tokens shaped like the real ones: unpadded base64url of
/// {"v":"meta.k8s.io/v1","rv":N,"start":"lastKey\u0000"}.
internal static class ContinueToken
{
    public static string Encode(long resourceVersion, string start)
    {
        var body = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = start };
        return Convert.ToBase64String(GoJson.ToBytes(body, trailingNewline: false)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static (long ResourceVersion, string Start) Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var body = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) as JsonObject;
            if (body?.Str("v") != "meta.k8s.io/v1")
            {
                throw Statuses.BadRequest($"continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }

            var rv = JsonHelpers.AsLong(body["rv"]) ?? 0;
            var start = body.Str("start") ?? "";
            if (rv == 0 || start.Length == 0)
            {
                throw Statuses.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }

            return (rv, start);
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException)
        {
            throw Statuses.BadRequest($"continue key is not valid: {error.Message}");
        }
    }
}
