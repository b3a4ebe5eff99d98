using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary><c>POST /webhooks/alertmanager</c>: accepts a group at once (202), deduplicates, investigates in the background.</summary>
internal static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/alertmanager", ReceiveAsync).WithTags("alerts").Accepts<AlertmanagerWebhook>("application/json").Produces(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IKubeTriageStore store, AlertQueue queue, IClusterAccess clusters)
    {
        var (payload, error) = await RequestReader.ReadAsync<AlertmanagerWebhook>(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (payload!.Version is not "4")
        {
            return RequestReader.Invalid("version", "Alertmanager webhook payload version 4 is expected");
        }

        if (payload.Alerts is null)
        {
            return RequestReader.Invalid("alerts", "the payload has no alerts array");
        }

        for (var i = 0; i < payload.Alerts.Count; i++)
        {
            if (AlertApi.Validate(payload.Alerts[i]) is { } invalid)
            {
                return RequestReader.Invalid($"alerts[{i}].labels", "each alert needs labels and a status of firing or resolved");
            }
        }

        var accepted = new List<string>();
        var duplicates = new List<string>();
        var resolved = 0;
        foreach (var alert in payload.Alerts)
        {
            if (alert.Status == "resolved")
            {
                resolved++;
                continue;
            }

            var target = AlertTarget.From(alert.Labels!);
            var created = await store.CreateInvestigationAsync(AlertApi.NewRecord(alert, target, clusters, InvestigationSource.Webhook), CancellationToken.None);
            if (!created.Created)
            {
                duplicates.Add(created.Investigation.Id);
                continue;
            }

            if (!queue.TryEnqueue(created.Investigation, alert))
            {
                await store.FailAsync(created.Investigation.Id, "the alert queue is full", null, CancellationToken.None);
                continue;
            }

            accepted.Add(created.Investigation.Id);
        }

        return TypedResults.Accepted((string?)null, new { accepted = accepted.Count, duplicates = duplicates.Count, resolved, investigations = accepted, duplicate_of = duplicates });
    }
}
