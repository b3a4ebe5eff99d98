using System.Text.Json;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Reports;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Questions: <c>POST /</c> answers at once, <c>POST /stream</c> streams progress, text, report and metrics as SSE.</summary>
/// <remarks>With an LLM provider configured the coordinator and collector agents answer, and progress streams their
/// delegations and tool calls; the client hanging up, or timeout_seconds passing, cancels every model call.</remarks>
internal static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/", AskAsync).WithTags("questions").Accepts<QueryRequest>("application/json").Produces<QueryResponse>();
        app.MapPost("/stream", StreamAsync).WithTags("questions").Accepts<QueryRequest>("application/json").Produces(200, contentType: "text/event-stream");
        return app;
    }

    private static async Task<IResult> AskAsync(HttpContext http, RecordedInvestigations investigations, InvestigationGate gate, IKubeTriageStore store)
    {
        var (request, error) = await ReadAsync(http);
        var (thread, threadError) = error is null ? await ConversationAsync(store, request!, http.RequestAborted) : (null, null);
        if ((error ?? threadError) is { } invalid)
        {
            return invalid;
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
            var (record, result) = await investigations.RunAsync(NewRecord(request, thread!, InvestigationSource.Api), Question(request), null, timeout.Token);
            var text = await AnswerAsync(store, thread!, result!.Report, CancellationToken.None);
            return TypedResults.Ok(new QueryResponse(text, result.Report, result.RequestId, result.Metrics, thread!.Id, record.Id));
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "Investigation timed out", detail: $"no answer within timeout_seconds={request.TimeoutSeconds}");
        }
        catch (KeyNotFoundException ex)
        {
            return RequestReader.Invalid("cluster", ex.Message);
        }
        catch (Kubernetes.KubernetesException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Cluster unavailable", detail: ex.Message);
        }
    }

    private static async Task StreamAsync(HttpContext http, RecordedInvestigations investigations, InvestigationGate gate, IKubeTriageStore store)
    {
        var (request, error) = await ReadAsync(http);
        var (thread, threadError) = error is null ? await ConversationAsync(store, request!, http.RequestAborted) : (null, null);
        if ((error ?? threadError) is { } invalid)
        {
            await invalid.ExecuteAsync(http);
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
            var (record, result) = await investigations.RunAsync(NewRecord(request, thread!, InvestigationSource.Stream), Question(request),
                p => sse.SendAsync("progress", JsonSerializer.Serialize(new { agent = p.Agent, step = p.Step, detail = p.Detail }), timeout.Token), timeout.Token);
            var text = await AnswerAsync(store, thread!, result!.Report, CancellationToken.None);
            foreach (var sentence in Sentences(text))
            {
                await sse.SendAsync("text", JsonSerializer.Serialize(new { delta = sentence }), timeout.Token);
            }

            await sse.SendAsync("report", ReportJson.Serialize(result.Report), timeout.Token);
            await sse.SendAsync("investigation", JsonSerializer.Serialize(new { thread_id = thread!.Id, investigation_id = record.Id, request_id = result.RequestId }), timeout.Token);
            await sse.SendAsync("metrics", JsonSerializer.Serialize(result.Metrics), timeout.Token);
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

    // The agents take the question when a provider is configured; the runner falls back to the engine otherwise.
    private static AgentRequest Question(QueryRequest request) => new(request.Query!, request.MaxTurns, TimeSpan.FromSeconds(request.TimeoutSeconds));

    private static NewInvestigation NewRecord(QueryRequest request, ConversationThread thread, InvestigationSource source) => new()
    {
        Source = source,
        Query = request.Query!,
        ThreadId = thread.Id,
        Cluster = request.Cluster,
        Namespace = request.Namespace,
    };

    // A known thread continues the conversation; no thread starts one. The question is kept before it is answered.
    private static async Task<(ConversationThread? Thread, IResult? Error)> ConversationAsync(IKubeTriageStore store, QueryRequest request, CancellationToken ct)
    {
        ConversationThread? thread;
        if (request.ThreadId is { } id)
        {
            thread = await store.GetThreadAsync(id, ct);
            if (thread is null)
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown thread", detail: $"thread_id '{id}' does not exist",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["thread_id"] = ["unknown thread"] } }));
            }
        }
        else
        {
            thread = await store.CreateThreadAsync(ct);
        }

        await store.AppendMessageAsync(thread.Id, MessageRole.User, request.Query!, ct);
        return (thread, null);
    }

    // The answer: the summary, and for a follow-up what changed since the thread's previous answer.
    private static async Task<string> AnswerAsync(IKubeTriageStore store, ConversationThread thread, DiagnosisReport report, CancellationToken ct)
    {
        var text = report.Summary;
        if (thread.LastInvestigationId is { } previousId && await store.GetInvestigationAsync(previousId, ct) is { Report: { } previous })
        {
            text += " " + ThreadFollowUp.Compare(previous, report);
        }

        await store.AppendMessageAsync(thread.Id, MessageRole.Assistant, text, ct);
        return text;
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

        if (request.ThreadId is { } id && !ThreadIds.IsValid(id))
        {
            return (null, RequestReader.Invalid("thread_id", ThreadIds.Rule));
        }

        return request.MaxTurns is < 1 or > 100 ? (null, RequestReader.Invalid("max_turns", "must be between 1 and 100")) : (request, null);
    }

    private static IResult Busy(HttpContext http, InvestigationGate gate)
    {
        http.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many investigations", detail: "the investigation queue is full; retry later");
    }

    // Text deltas as a model would stream them; joined they are exactly the answer.
    private static IEnumerable<string> Sentences(string text)
    {
        var parts = text.Split(". ");
        for (var i = 0; i < parts.Length; i++)
        {
            yield return i < parts.Length - 1 ? parts[i] + ". " : parts[i];
        }
    }
}
