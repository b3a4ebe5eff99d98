using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Stored investigations: <c>GET /api/v1/investigations</c> (filters, paging) and <c>GET /api/v1/investigations/{id}</c>.</summary>
internal static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/investigations").WithTags("history");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(
        IKubeTriageStore store, string? status, string? source, string? cluster, string? @namespace, DateTimeOffset? since, DateTimeOffset? until,
        string? q, int? limit, string? cursor, CancellationToken ct)
    {
        InvestigationStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!Enum.TryParse<InvestigationStatus>(status.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var s))
            {
                return RequestReader.Invalid("status", "one of queued, running, succeeded, failed, cancelled, timed_out");
            }

            parsedStatus = s;
        }

        InvestigationSource? parsedSource = null;
        if (source is not null)
        {
            if (!Enum.TryParse<InvestigationSource>(source, ignoreCase: true, out var s))
            {
                return RequestReader.Invalid("source", "one of api, stream, alert, webhook, cli");
            }

            parsedSource = s;
        }

        if (limit is < 1 or > InvestigationQuery.MaxLimit)
        {
            return RequestReader.Invalid("limit", $"must be between 1 and {InvestigationQuery.MaxLimit}");
        }

        try
        {
            var page = await store.ListInvestigationsAsync(new InvestigationQuery
            {
                Status = parsedStatus,
                Source = parsedSource,
                Cluster = cluster,
                Namespace = @namespace,
                Since = since,
                Until = until,
                TextContains = q,
                Limit = limit ?? 50,
                Cursor = cursor,
            }, ct);
            return TypedResults.Ok(new { items = page.Items.Select(Summary), next_cursor = page.NextCursor });
        }
        catch (ArgumentException ex)
        {
            return RequestReader.Invalid("cursor", ex.Message);
        }
    }

    private static async Task<IResult> GetAsync(IKubeTriageStore store, string id, CancellationToken ct)
        => await store.GetInvestigationAsync(id, ct) is { } investigation
            ? TypedResults.Ok(Detail(investigation))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown investigation", detail: $"investigation '{id}' does not exist");

    // The list shows the summary line; one investigation shows everything, report and metrics included.
    private static Dictionary<string, object?> Summary(Investigation i) => View(i, full: false);

    private static Dictionary<string, object?> Detail(Investigation i) => View(i, full: true);

    private static Dictionary<string, object?> View(Investigation i, bool full)
    {
        var view = new Dictionary<string, object?>
        {
            ["id"] = i.Id,
            ["thread_id"] = i.ThreadId,
            ["source"] = i.Source.ToString().ToLowerInvariant(),
            ["status"] = Status(i.Status),
            ["query"] = i.Query,
            ["cluster"] = i.Cluster,
            ["namespace"] = i.Namespace,
            ["alert_fingerprint"] = i.AlertFingerprint,
            ["created_at"] = i.CreatedAt,
            ["finished_at"] = i.FinishedAt,
            ["error"] = i.Error,
        };
        if (full)
        {
            view["alert_starts_at"] = i.AlertStartsAt;
            view["started_at"] = i.StartedAt;
            view["report"] = i.Report;
            view["metrics"] = i.Metrics;
        }
        else
        {
            view["summary"] = i.Report?.Summary;
        }

        return view;
    }

    private static string Status(InvestigationStatus status) => status == InvestigationStatus.TimedOut ? "timed_out" : status.ToString().ToLowerInvariant();
}
