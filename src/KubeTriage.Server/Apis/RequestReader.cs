using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Server.Apis;

/// <summary>Reads a JSON body and turns every way it can be wrong into a 4xx problem naming the field.</summary>
internal static class RequestReader
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "send the body as application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? (null, Invalid("$", "the body must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(ex.Path ?? "$", $"invalid JSON: {FirstSentence(ex.Message)}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: ex.Message));
        }
    }

    /// <summary>Returns a 400 validation problem for one field.</summary>
    public static IResult Invalid(string field, string message)
        => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
