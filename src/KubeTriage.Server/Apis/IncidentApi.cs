using System.Text;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary><c>POST /summarize-incident</c>: sums up a resolved incident from its alerts and the analyses stored for them.</summary>
internal static class IncidentApi
{
    public static IEndpointRouteBuilder MapIncidentApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/summarize-incident", SummarizeAsync).WithTags("alerts").Accepts<IncidentSummaryRequest>("application/json");
        return app;
    }

    private static async Task<IResult> SummarizeAsync(HttpContext http, IKubeTriageStore store)
    {
        var (request, error) = await RequestReader.ReadAsync<IncidentSummaryRequest>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (request!.Alerts is not { Count: > 0 })
        {
            return RequestReader.Invalid("alerts", "an incident needs at least one alert");
        }

        var investigations = new List<Investigation>();
        foreach (var alert in request.Alerts.Where(a => a.Fingerprint is not null && a.StartsAt is not null))
        {
            if (await store.FindByFingerprintAsync(alert.Fingerprint!, alert.StartsAt!.Value, http.RequestAborted) is { } found)
            {
                investigations.Add(found);
            }
        }

        foreach (var id in request.InvestigationIds ?? [])
        {
            if (await store.GetInvestigationAsync(id, http.RequestAborted) is not { } found)
            {
                return RequestReader.Invalid("investigation_ids", $"investigation '{id}' does not exist");
            }

            investigations.Add(found);
        }

        investigations = [.. investigations.DistinctBy(i => i.Id)];
        var causes = investigations.Where(i => i.Report is not null)
            .SelectMany(i => i.Report!.RootCauses.Where(c => c.Severity != Severity.Info).Select(c => (Investigation: i.Id, Cause: c)))
            .GroupBy(x => (x.Cause.Category, Resource: x.Cause.Resource.ToString()))
            .Select(g => new { category = g.Key.Category, resource = g.Key.Resource, title = g.First().Cause.Title, seen_in = g.Select(x => x.Investigation).Distinct().ToList() })
            .OrderByDescending(c => c.seen_in.Count)
            .ToList();
        var started = request.Alerts.Where(a => a.StartsAt is not null).Select(a => a.StartsAt!.Value).DefaultIfEmpty().Min();
        var ended = request.Alerts.Where(a => a.EndsAt is not null && a.Status == "resolved").Select(a => a.EndsAt!.Value).DefaultIfEmpty().Max();
        var names = request.Alerts.Select(a => a.Labels?.GetValueOrDefault("alertname")).OfType<string>().Distinct().ToList();
        var targets = request.Alerts.Where(a => a.Labels is not null).Select(a => AlertTarget.From(a.Labels!)).Select(t => t.Object?.ToString() ?? t.Namespace).OfType<string>().Distinct().ToList();
        var firing = request.Alerts.Count(a => a.Status != "resolved");

        var summary = new StringBuilder();
        summary.Append($"Incident: {string.Join(", ", names.DefaultIfEmpty("alerts"))} on {string.Join(", ", targets.DefaultIfEmpty("the cluster"))}");
        if (started != default)
        {
            summary.Append($", from {started:yyyy-MM-dd HH:mm}Z");
            summary.Append(ended != default ? $" to {ended:yyyy-MM-dd HH:mm}Z ({(ended - started).TotalMinutes:0} min)" : ", still firing");
        }

        summary.Append($". {request.Alerts.Count} alert(s), {firing} still firing. ");
        summary.Append(causes.Count == 0
            ? $"No stored analysis names a root cause ({investigations.Count} analysis(es) found)."
            : $"Root cause: {causes[0].title} [{causes[0].category} on {causes[0].resource}]" + (causes.Count > 1 ? $"; also {string.Join("; ", causes.Skip(1).Select(c => $"{c.title} [{c.category}]"))}" : "") + ".");

        return TypedResults.Ok(new
        {
            summary = summary.ToString(),
            alerts = request.Alerts.Count,
            firing,
            resolved = request.Alerts.Count - firing,
            started_at = started == default ? (DateTimeOffset?)null : started,
            ended_at = ended == default ? (DateTimeOffset?)null : ended,
            root_causes = causes,
            investigations = investigations.Select(i => i.Id),
            thread_ts = request.ThreadTs,
        });
    }
}
