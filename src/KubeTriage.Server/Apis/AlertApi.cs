using System.Text;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Server.Contracts;
using KubeTriage.Server.Investigations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary><c>POST /analyze</c>: explains one Alertmanager alert from the context of its namespace and object.</summary>
internal static class AlertApi
{
    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/analyze", AnalyzeAsync).WithTags("alerts").Accepts<AlertRequest>("application/json").Produces<AlertAnalysis>();
        return app;
    }

    private static async Task<IResult> AnalyzeAsync(HttpContext http, RecordedInvestigations investigations, InvestigationGate gate, IClusterAccess clusters)
    {
        var (alert, error) = await RequestReader.ReadAsync<AlertRequest>(http.Request, http.RequestAborted);
        error ??= Validate(alert);
        if (error is not null)
        {
            return error;
        }

        using var slot = await gate.EnterAsync(http.RequestAborted);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many investigations");
        }

        var target = AlertTarget.From(alert!.Labels!);
        try
        {
            var (record, result) = await investigations.RunAsync(NewRecord(alert, target, clusters, Storage.InvestigationSource.Alert), null, http.RequestAborted);

            // The same firing (fingerprint + startsAt) analysed before: answer from the stored report.
            var report = result?.Report ?? record.Report;
            if (report is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Alert already under investigation", detail: $"investigation {record.Id} is {record.Status}");
            }

            return TypedResults.Ok(Explain(alert, target, report, result?.RequestId ?? record.Id));
        }
        catch (Kubernetes.KubernetesException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Cluster unavailable", detail: ex.Message);
        }
    }

    /// <summary>Returns a 400 naming the field when an alert lacks what an investigation needs.</summary>
    public static IResult? Validate(AlertRequest? alert)
    {
        if (alert?.Labels is null || alert.Labels.Count == 0)
        {
            return RequestReader.Invalid("labels", "an alert needs its labels (alertname, namespace, pod/deployment/...)");
        }

        return alert.Status is not (null or "firing" or "resolved") ? RequestReader.Invalid("status", "must be firing or resolved") : null;
    }

    /// <summary>Describes an alert as an investigation record (deduplicated by fingerprint and startsAt).</summary>
    public static Storage.NewInvestigation NewRecord(AlertRequest alert, AlertTarget target, IClusterAccess clusters, Storage.InvestigationSource source)
    {
        var cluster = alert.Cluster ?? alert.Labels!.GetValueOrDefault("cluster");
        return new Storage.NewInvestigation
        {
            Source = source,
            Query = $"{target.AlertName ?? "alert"} on {target.Object?.ToString() ?? target.Namespace ?? "cluster"}"
                + (alert.Annotations?.GetValueOrDefault("summary") is { } summary ? $": {summary}" : ""),
            Cluster = cluster is not null && clusters.Clusters.Contains(cluster) ? cluster : null,
            Namespace = target.Namespace,
            AlertFingerprint = alert.StartsAt is null ? null : alert.Fingerprint,
            AlertStartsAt = alert.Fingerprint is null ? null : alert.StartsAt,
        };
    }

    private static AlertAnalysis Explain(AlertRequest alert, AlertTarget target, DiagnosisReport report, string requestId)
    {
        var related = report.RootCauses.Where(c => target.Object is null || Relates(c, target.Object)).ToList();
        var lead = related.FirstOrDefault(c => c.Severity != Severity.Info) ?? related.FirstOrDefault();
        var missing = report.Capabilities.Where(c => c.Value != "ok").Select(c => $"{c.Key}: {c.Value}").ToList();
        var quality = report.Capabilities.GetValueOrDefault("kubernetes") != "ok" ? "low"
            : lead is null || missing.Count > 1 ? "medium"
            : "high";
        var subject = target.Object?.ToString() ?? $"namespace {target.Namespace ?? "(all)"}";
        var summary = lead is null
            ? $"{target.AlertName ?? "The alert"} on {subject}: no failing Kubernetes object explains it right now; the cluster side looks healthy."
            : $"{target.AlertName ?? "The alert"} on {subject}: {lead.Title} ({lead.Category} on {lead.Resource}).";
        var detail = new StringBuilder();
        foreach (var cause in related.Count > 0 ? related : report.RootCauses)
        {
            detail.Append("* ").Append(cause.Title).Append(" [").Append(cause.Category).Append(", ").Append(cause.Severity).AppendLine("]");
            detail.Append("  ").AppendLine(cause.Explanation);
            foreach (var evidence in cause.Evidence.Take(3))
            {
                detail.Append("  - ").Append(evidence.Source).Append(": ").AppendLine(evidence.Text);
            }
        }

        return new AlertAnalysis
        {
            AnalysisSummary = summary,
            AnalysisDetail = detail.Length == 0 ? report.Summary : detail.ToString(),
            AnalysisQuality = quality,
            MissingData = missing,
            Warnings = report.Warnings,
            Capabilities = report.Capabilities,
            Context = new Dictionary<string, string?>
            {
                ["alertname"] = target.AlertName,
                ["severity"] = target.Severity,
                ["namespace"] = target.Namespace,
                ["object"] = target.Object?.ToString(),
                ["fingerprint"] = alert.Fingerprint,
                ["status"] = alert.Status ?? "firing",
                ["startsAt"] = alert.StartsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            ThreadTs = alert.ThreadTs,
            RequestId = requestId,
            Report = report,
        };
    }

    // The alert's object is the cause's resource, one of its affected objects, or owned by one of them.
    private static bool Relates(RootCause cause, Core.Model.ObjectRef target)
        => new[] { cause.Resource }.Concat(cause.Affected).Any(o => Same(o, target)
            || (target.Kind == "Pod" && o.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" && target.Name.StartsWith(o.Name + "-", StringComparison.Ordinal) && o.Namespace == target.Namespace));

    private static bool Same(Core.Model.ObjectRef a, Core.Model.ObjectRef b)
        => string.Equals(a.Kind, b.Kind, StringComparison.OrdinalIgnoreCase) && a.Name == b.Name && (a.Namespace ?? "") == (b.Namespace ?? "");
}
