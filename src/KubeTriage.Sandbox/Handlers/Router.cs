using KubeTriage.Sandbox.Auth;
using KubeTriage.Sandbox.Controllers;
using KubeTriage.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Sandbox.Handlers;

/// The single request pipeline: authenticate, serve discovery, parse the resource path, authorize, dispatch.
internal sealed class Router
{
    private readonly SandboxContext _sandbox;
    private readonly DiscoveryHandler _discovery;
    private readonly ReadHandler _read;
    private readonly WatchHandler _watch;
    private readonly CreateHandler _create;
    private readonly UpdateHandler _update;
    private readonly PatchHandler _patch;
    private readonly DeleteHandler _delete;
    private readonly ScaleHandler _scale;
    private readonly LogHandler _log;
    private readonly ControllerSimulator? _simulator;

    public Router(SandboxContext sandbox)
    {
        _sandbox = sandbox;
        _discovery = new DiscoveryHandler(sandbox);
        _read = new ReadHandler(sandbox);
        _watch = new WatchHandler(sandbox);
        _create = new CreateHandler(sandbox);
        _update = new UpdateHandler(sandbox);
        _patch = new PatchHandler(sandbox, _create);
        _delete = new DeleteHandler(sandbox);
        _scale = new ScaleHandler(sandbox);
        _log = new LogHandler(sandbox);
        _simulator = sandbox.SimulateControllers ? new ControllerSimulator(sandbox) : null;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
        }
        catch (ApiException error)
        {
            if (!context.Response.HasStarted)
            {
                await Responses.WriteErrorAsync(context, error);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _sandbox.Stopping.IsCancellationRequested)
        {
            // The client went away or the server is stopping.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, Statuses.ServerError(error.Message));
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path is "/healthz" or "/livez" or "/readyz")
        {
            await Responses.WriteTextAsync(context, 200, "text/plain; charset=utf-8", "ok");
            return;
        }

        var user = _sandbox.Authenticator.Authenticate(context.Request) ?? throw Statuses.Unauthorized();
        if (context.Request.Method == "GET" && await _discovery.TryHandleAsync(context, path))
        {
            return;
        }

        var request = PathParser.Parse(context, path, _sandbox.Catalog);
        if (request is null)
        {
            await Responses.WriteTextAsync(context, 404, "text/plain; charset=utf-8", "404 page not found\n");
            return;
        }

        var resource = request.Resource;
        if (!Authorizer.Allows(user, request.Verb, resource.Group, resource.Plural, request.Subresource, request.Namespace))
        {
            throw Authorizer.Forbidden(user, request.Verb, resource.Group, resource.Plural, request.Subresource, request.Namespace, request.Name);
        }

        if (!resource.HasStorage)
        {
            await HandleVirtualAsync(request, user);
            return;
        }

        if (_simulator is null)
        {
            await DispatchAsync(request);
            return;
        }

        var before = _simulator.Capture(request);
        await DispatchAsync(request);
        _simulator.AfterWrite(request, before);
    }

    private Task DispatchAsync(ApiRequest request)
    {
        var resource = request.Resource;
        switch (request.Subresource, request.Verb)
        {
            case (null, "get"):
                return _read.GetAsync(request);
            case (null, "list"):
                return _read.ListAsync(request);
            case (null, "watch"):
                return _watch.WatchAsync(request);
            case (null, "create"):
                return _create.CreateAsync(request);
            case (null or "status", "update"):
                return _update.UpdateAsync(request);
            case (null or "status", "patch"):
                return _patch.PatchAsync(request);
            case (null, "delete"):
                return _delete.DeleteAsync(request);
            case (null, "deletecollection"):
                return _delete.DeleteCollectionAsync(request);
            case ("status", "get"):
                return _read.GetAsync(request with { Subresource = null });
            case ("scale", "get"):
                return _scale.GetAsync(request);
            case ("scale", "update" or "patch"):
                return _scale.UpdateAsync(request);
            case ("log", "get"):
                return _log.GetAsync(request);
            case ("exec" or "attach" or "portforward", _):
                throw Statuses.BadRequest("Upgrade request required");
            default:
                throw Statuses.MethodNotSupported(resource.Group, resource.Plural, request.Verb);
        }
    }

    private static Task HandleVirtualAsync(ApiRequest request, SandboxUser user) => request.Resource.Plural switch
    {
        "selfsubjectaccessreviews" when request.Verb == "create" => ReviewHandler.SelfSubjectAccessReviewAsync(request, user),
        "componentstatuses" when request.Verb == "list" => Responses.WriteJsonAsync(request.Context, 200, new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "ComponentStatusList",
            ["apiVersion"] = "v1",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject(),
            ["items"] = new System.Text.Json.Nodes.JsonArray(),
        }),
        _ => throw Statuses.MethodNotSupported(request.Resource.Group, request.Resource.Plural, request.Verb),
    };
}
