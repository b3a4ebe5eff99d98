using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Server.Security;

/// <summary>Requires <c>Authorization: Bearer &lt;key&gt;</c> on every route but the liveness probes, when keys are configured.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ServerOptions options)
{
    private static readonly HashSet<string> OpenPaths = ["/health", "/healthz", "/ping"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (options.ApiKeys.Count == 0 || OpenPaths.Contains(context.Request.Path.Value ?? ""))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        if (presented.Length > 0 && options.ApiKeys.Any(key => FixedTimeEquals(key, presented)))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "a valid API key is required: Authorization: Bearer <key>")
            .ExecuteAsync(context);
    }

    // Comparing in constant time keeps response timing from leaking how much of a key matched.
    private static bool FixedTimeEquals(string expected, string presented)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
