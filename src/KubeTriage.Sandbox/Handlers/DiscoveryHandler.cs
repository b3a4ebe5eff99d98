using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Handlers;

/// Non-resource GETs: /version, /api, /apis, discovery lists and the OpenAPI v3 index.
internal sealed class DiscoveryHandler(SandboxContext sandbox)
{
    private readonly DiscoveryDocuments _documents = new(sandbox.Catalog);
    private readonly OpenApiIndex _openApi = new(sandbox.Catalog);

    public async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var local = context.Connection.LocalIpAddress;
        var address = $"{local}:{context.Connection.LocalPort}";
        switch (segments)
        {
            case ["version"]:
                // The apiserver indents /version and sends no trailing newline.
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Version(), trailingNewline: false, indented: true);
                return true;
            case ["api"]:
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Api(address));
                return true;
            case ["api", var version]:
                return await WriteOrNotFound(context, _documents.ResourceList("", version));
            case ["apis"]:
                await Responses.WriteJsonAsync(context, 200, _documents.Apis());
                return true;
            case ["apis", var group]:
                return await WriteOrNotFound(context, _documents.Group(group));
            case ["apis", var group, var version]:
                return await WriteOrNotFound(context, _documents.ResourceList(group, version));
            case ["openapi", "v3"]:
                await Responses.WriteJsonAsync(context, 200, _openApi.Build(), trailingNewline: false, contentType: "text/plain; charset=utf-8");
                return true;
            case ["openapi", ..]:
                await Responses.WriteTextAsync(context, 404, "text/plain; charset=utf-8", "404 page not found\n");
                return true;
            default:
                return false;
        }
    }

    private static async Task<bool> WriteOrNotFound(HttpContext context, System.Text.Json.Nodes.JsonObject? body)
    {
        if (body is null)
        {
            await Responses.WriteTextAsync(context, 404, "text/plain; charset=utf-8", "404 page not found\n");
        }
        else
        {
            await Responses.WriteJsonAsync(context, 200, body);
        }

        return true;
    }
}
