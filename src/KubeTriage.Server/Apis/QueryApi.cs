using System.Text.Json;
using KubeTriage.Core.Reports;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using KubeTriage.Server.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Questions: <c>POST /</c> answers at once, <c>POST /stream</c> streams progress, text, report and metrics as SSE.</summary>
internal static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/", AskAsync).WithTags("questions").Accepts<QueryRequest>("application/json").Produces<QueryResponse>();
        app.MapPost("/stream", StreamAsync).WithTags("questions").Accepts<QueryRequest>("application/json").Produces(200, contentType: "text/event-stream");
        return app;
    }

    private static async Task<IResult> AskAsync(HttpContext http, InvestigationRunner runner, InvestigationGate gate, ServerMetrics metrics)
    {
        var (request, error) = await ReadAsync(http);
        if (error is not null)
        {
            return error;
        }

        using var slot = await gate.EnterAsync(http.RequestAborted);
        if (slot is null)
        {
            return Busy(http, gate);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(request!.TimeoutSeconds));
        try
        {
            var result = await runner.RunAsync(request.Cluster, request.Namespace, null, timeout.Token);
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
            metrics.InvestigationDuration.Record(result.Metrics.DurationMs / 1000.0);
            return TypedResults.Ok(new QueryResponse(result.Report.Summary, result.Report, result.RequestId, result.Metrics));
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "timed_out"));
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Investigation timed out", detail: $"no answer within timeout_seconds={request.TimeoutSeconds}");
        }
        catch (KeyNotFoundException ex)
        {
            return RequestReader.Invalid("cluster", ex.Message);
        }
        catch (Kubernetes.KubernetesException ex)
        {
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Cluster unavailable", detail: ex.Message);
        }
    }

    private static async Task StreamAsync(HttpContext http, InvestigationRunner runner, InvestigationGate gate, ServerMetrics metrics)
    {
        var (request, error) = await ReadAsync(http);
        if (error is not null)
        {
            await error.ExecuteAsync(http);
            return;
        }

        using var slot = await gate.EnterAsync(http.RequestAborted);
        if (slot is null)
        {
            await Busy(http, gate).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var sse = new SseWriter(http.Response);

        // The client hanging up cancels the investigation; so does timeout_seconds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(request!.TimeoutSeconds));
        try
        {
            var result = await runner.RunAsync(request.Cluster, request.Namespace,
                p => sse.SendAsync("progress", JsonSerializer.Serialize(new { agent = p.Agent, step = p.Step, detail = p.Detail }), timeout.Token), timeout.Token);
            foreach (var sentence in Sentences(result.Report.Summary))
            {
                await sse.SendAsync("text", JsonSerializer.Serialize(new { delta = sentence }), timeout.Token);
            }

            await sse.SendAsync("report", ReportJson.Serialize(result.Report), timeout.Token);
            await sse.SendAsync("metrics", JsonSerializer.Serialize(result.Metrics), timeout.Token);
            metrics.Investigations.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            await sse.SendAsync("error", JsonSerializer.Serialize(new { error = "timeout", detail = $"no answer within timeout_seconds={request.TimeoutSeconds}" }), CancellationToken.None);
        }
        catch (Exception ex) when (ex is Kubernetes.KubernetesException or KeyNotFoundException)
        {
            await sse.SendAsync("error", JsonSerializer.Serialize(new { error = "failed", detail = ex.Message }), CancellationToken.None);
        }
    }

    private static async Task<(QueryRequest? Request, IResult? Error)> ReadAsync(HttpContext http)
    {
        var (request, error) = await RequestReader.ReadAsync<QueryRequest>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return (null, error);
        }

        if (string.IsNullOrWhiteSpace(request!.Query))
        {
            return (null, RequestReader.Invalid("query", "the query field is required"));
        }

        if (request.TimeoutSeconds is < 1 or > 3600)
        {
            return (null, RequestReader.Invalid("timeout_seconds", "must be between 1 and 3600"));
        }

        return request.MaxTurns is < 1 or > 100 ? (null, RequestReader.Invalid("max_turns", "must be between 1 and 100")) : (request, null);
    }

    private static IResult Busy(HttpContext http, InvestigationGate gate)
    {
        http.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many investigations", detail: "the investigation queue is full; retry later");
    }

    // Text deltas as a model would stream them; joined they are exactly the summary.
    private static IEnumerable<string> Sentences(string text)
    {
        var parts = text.Split(". ");
        for (var i = 0; i < parts.Length; i++)
        {
            yield return i < parts.Length - 1 ? parts[i] + ". " : parts[i];
        }
    }
}
