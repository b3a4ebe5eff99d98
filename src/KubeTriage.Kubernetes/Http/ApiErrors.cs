using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Turns a non-2xx reply into <see cref="KubernetesApiException"/>, synthesizing a Status when the body is not one.</summary>
internal static class ApiErrors
{
    public static KubernetesApiException FromStatus(KubeStatus status) =>
        status.Code == (int)HttpStatusCode.Gone ? new ResourceExpiredException(status) : new KubernetesApiException(status);

    public static async Task<KubernetesApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = TryParseStatus(body);
        if (status is not null)
        {
            return FromStatus(status.Code == 0 ? status with { Code = code } : status);
        }

        // Not a Status (e.g. an HTML page from a proxy): keep the first line so the CLI message stays short.
        var firstLine = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        var message = firstLine.Length > 200 ? firstLine[..200] : firstLine;
        if (message.Length == 0)
        {
            message = response.ReasonPhrase ?? string.Empty;
        }

        return FromStatus(new KubeStatus(code, "Failure", ReasonFor(response.StatusCode), message, null));
    }

    private static KubeStatus? TryParseStatus(string body)
    {
        try
        {
            return KubeStatus.TryParse(JsonNode.Parse(body) as JsonObject);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The reasons client-go assigns to bodies that are not a Status.
    private static string? ReasonFor(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => "BadRequest",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.MethodNotAllowed => "MethodNotAllowed",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.Gone => "Gone",
        HttpStatusCode.UnprocessableEntity => "Invalid",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.InternalServerError => "InternalError",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.GatewayTimeout => "Timeout",
        _ => null,
    };
}
