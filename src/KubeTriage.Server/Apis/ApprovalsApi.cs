using KubeTriage.Remediation.Approvals;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Remediation;
using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Approvals: list, show, approve and reject under <c>/api/v1/approvals</c>; approved actions run in the background.</summary>
internal static class ApprovalsApi
{
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/approvals").WithTags("approvals");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/approve", (HttpContext http, string id, ApprovalService approvals, ApprovalExecutor executor)
            => DecideAsync(http, id, approve: true, approvals, executor)).Accepts<ApprovalDecisionRequest>("application/json");
        group.MapPost("/{id}/reject", (HttpContext http, string id, ApprovalService approvals, ApprovalExecutor executor)
            => DecideAsync(http, id, approve: false, approvals, executor)).Accepts<ApprovalDecisionRequest>("application/json");
        return app;
    }

    private static async Task<IResult> ListAsync(ApprovalService approvals, string? status, string? thread_id, int? limit, string? cursor, CancellationToken ct)
    {
        ApprovalStatus? parsed = null;
        if (status is not null)
        {
            if (!ApprovalStatusNames.TryParse(status, out var s))
            {
                return RequestReader.Invalid("status", "one of " + ApprovalStatusNames.All);
            }

            parsed = s;
        }

        if (limit is < 1 or > ApprovalQuery.MaxLimit)
        {
            return RequestReader.Invalid("limit", $"must be between 1 and {ApprovalQuery.MaxLimit}");
        }

        try
        {
            var page = await approvals.ListAsync(new ApprovalQuery { Status = parsed, ThreadId = thread_id, Limit = limit ?? 50, Cursor = cursor }, ct);
            return TypedResults.Ok(new { items = page.Items.Select(ApprovalView.From), next_cursor = page.NextCursor });
        }
        catch (ArgumentException ex)
        {
            return RequestReader.Invalid("cursor", ex.Message);
        }
    }

    private static async Task<IResult> GetAsync(string id, ApprovalService approvals, CancellationToken ct)
        => await approvals.GetAsync(id, ct) is { } approval ? TypedResults.Ok(ApprovalView.From(approval)) : NotFound(id);

    private static async Task<IResult> DecideAsync(HttpContext http, string id, bool approve, ApprovalService approvals, ApprovalExecutor executor)
    {
        var (request, error) = await RequestReader.ReadAsync<ApprovalDecisionRequest>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Approver) || request.Approver.Length > 200)
        {
            return RequestReader.Invalid("approver", "who decides is required (1-200 characters); it is recorded in the audit trail");
        }

        try
        {
            var approval = approve
                ? await approvals.ApproveAsync(id, "user:" + request.Approver.Trim(), request.Note, http.RequestAborted)
                : await approvals.RejectAsync(id, "user:" + request.Approver.Trim(), request.Note, http.RequestAborted);
            if (approve)
            {
                executor.Signal();
            }

            return TypedResults.Ok(ApprovalView.From(approval));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (ApprovalExpiredException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Approval expired", detail: $"approval {id} expired at {ex.Approval.ExpiresAt:O}; propose the action again");
        }
        catch (InvalidApprovalTransitionException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Approval already decided", detail: $"approval {id} is {ex.From.ToString().ToLowerInvariant()}");
        }
    }

    private static IResult NotFound(string id)
        => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown approval", detail: $"no approval with id '{id}'");
}
