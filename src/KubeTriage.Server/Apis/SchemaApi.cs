using System.Text.Json.Schema;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Reports;
using KubeTriage.Server.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>The report's JSON schema and the Prometheus metrics.</summary>
internal static class SchemaApi
{
    // The schema exporter needs an explicit resolver; the report options otherwise stay as serialization uses them.
    private static readonly Lazy<string> ReportSchema = new(() =>
        JsonSchemaExporter.GetJsonSchemaAsNode(
            new System.Text.Json.JsonSerializerOptions(ReportJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() },
            typeof(DiagnosisReport)).ToJsonString(ReportJson.Options));

    public static IEndpointRouteBuilder MapSchemaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schema", () => Results.Text(ReportSchema.Value, "application/schema+json")).WithTags("meta");
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Render(), "text/plain; version=0.0.4")).WithTags("meta");
        return app;
    }
}
