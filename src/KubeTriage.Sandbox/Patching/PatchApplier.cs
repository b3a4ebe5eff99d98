using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Http;

namespace KubeTriage.Sandbox.Patching;

/// Applies a PATCH body of a given content type to the served form of an object.
internal static class PatchApplier
{
    public const string Apply = "application/apply-patch+yaml";

    public static string MediaType(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    public static JsonObject Patch(JsonObject served, string mediaType, string body, bool custom)
    {
        try
        {
            switch (mediaType)
            {
                case "application/json-patch+json":
                    var operations = JsonNode.Parse(body) as JsonArray ?? throw Statuses.BadRequest("json patch must be a JSON array");
                    try
                    {
                        return JsonPatch.Apply(served, operations);
                    }
                    catch (FormatException)
                    {
                        throw Statuses.GenericInvalid();
                    }

                case "application/merge-patch+json":
                    return MergePatch.Apply(served, Parse(body)) as JsonObject ?? throw Statuses.BadRequest("merge patch must be a JSON object");
                case "application/strategic-merge-patch+json" when !custom:
                    return StrategicMergePatch.Apply(served, Parse(body) as JsonObject ?? throw Statuses.BadRequest("strategic merge patch must be a JSON object"));
                default:
                    throw Statuses.UnsupportedMediaType();
            }
        }
        catch (JsonException error)
        {
            throw Statuses.BadRequest($"error decoding patch: {error.Message}");
        }
    }

    private static JsonNode? Parse(string body) => JsonNode.Parse(body);
}
