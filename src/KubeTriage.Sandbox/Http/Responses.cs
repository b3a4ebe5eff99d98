using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Json;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Http;

/// Writes bodies with the headers the apiserver uses.
internal static class Responses
{
    public static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body, bool trailingNewline = true, bool indented = false, string contentType = "application/json")
    {
        var bytes = GoJson.ToBytes(body, trailingNewline, indented);
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>A body already rendered as JSON (with its trailing newline).</summary>
    public static async Task WriteBytesAsync(HttpContext context, int code, ReadOnlyMemory<byte> json, string contentType = "application/json")
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    public static async Task WriteTextAsync(HttpContext context, int code, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) => WriteJsonAsync(context, error.Code, error.Status);

    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>Reads a JSON (or YAML) object body; anything else is a 400 like the apiserver's decoder error.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType ?? "";
        if (contentType.Contains("protobuf", StringComparison.OrdinalIgnoreCase) || contentType.Contains("cbor", StringComparison.OrdinalIgnoreCase))
        {
            throw Statuses.Failure(415, $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml", "UnsupportedMediaType", null);
        }

        var text = await ReadBodyAsync(context);
        try
        {
            var node = context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true
                ? Patching.YamlToJson.Convert(text)
                : JsonNode.Parse(text);
            return node as JsonObject ?? throw Statuses.BadRequest("the object provided is not a JSON object");
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or FormatException)
        {
            throw Statuses.BadRequest($"the object provided is unrecognized: {error.Message}");
        }
    }
}
