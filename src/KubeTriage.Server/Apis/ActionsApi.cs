using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Typed remediations: <c>POST /api/v1/actions</c> dry-runs one, asks the policy, and runs it, holds it for approval, or refuses it.</summary>
internal static class ActionsApi
{
    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/actions", ProposeAsync).WithTags("approvals").Accepts<ActionRequest>("application/json").Produces<ActionResponse>();
        return app;
    }

    private static async Task<IResult> ProposeAsync(HttpContext http, RemediationService remediation, IClusterAccess clusters)
    {
        var (request, error) = await RequestReader.ReadAsync<ActionRequest>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (request!.Action is null)
        {
            return RequestReader.Invalid("action", "the typed action to run ({type, target: {kind, namespace, name}, parameters}) is required");
        }

        if (request.ThreadId is { } thread && !ThreadIds.IsValid(thread))
        {
            return RequestReader.Invalid("thread_id", ThreadIds.Rule);
        }

        try
        {
            var requester = new RemediationRequester(
                "api:" + (string.IsNullOrWhiteSpace(request.RequestedBy) ? "anonymous" : request.RequestedBy.Trim()), "api", request.Cluster, ThreadId: request.ThreadId);
            var outcome = await remediation.ProposeAsync(request.Action, clusters.Get(request.Cluster), requester, http.RequestAborted);
            return TypedResults.Ok(ActionResponse.From(outcome));
        }
        catch (ArgumentException ex)
        {
            return RequestReader.Invalid("action", ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return RequestReader.Invalid("cluster", ex.Message);
        }
        catch (KubernetesException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Cluster unavailable", detail: ex.Message);
        }
    }
}
