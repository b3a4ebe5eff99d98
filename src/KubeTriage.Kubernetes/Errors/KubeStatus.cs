using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Represents a meta/v1 Status object as returned for errors and some deletes.</summary>
public sealed record KubeStatus(int Code, string? Status, string? Reason, string Message, KubeStatusDetails? Details)
{
    /// <summary>Parses a Status object; returns null when the object is not of kind Status.</summary>
    public static KubeStatus? TryParse(JsonObject? obj)
    {
        if (obj is null || !string.Equals(Json.GetString(obj, "kind"), "Status", StringComparison.Ordinal))
        {
            return null;
        }

        var code = Json.GetInt(obj, "code") ?? 0;
        return new KubeStatus(
            code,
            Json.GetString(obj, "status"),
            Json.GetString(obj, "reason"),
            Json.GetString(obj, "message") ?? string.Empty,
            ParseDetails(obj["details"] as JsonObject));
    }

    private static KubeStatusDetails? ParseDetails(JsonObject? details)
    {
        if (details is null)
        {
            return null;
        }

        var causes = new List<KubeStatusCause>();
        if (details["causes"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                causes.Add(new KubeStatusCause(
                    Json.GetString(item, "reason"),
                    Json.GetString(item, "message"),
                    Json.GetString(item, "field")));
            }
        }

        return new KubeStatusDetails(
            Json.GetString(details, "name"),
            Json.GetString(details, "group"),
            Json.GetString(details, "kind"),
            Json.GetString(details, "uid"),
            causes,
            Json.GetInt(details, "retryAfterSeconds"));
    }
}
