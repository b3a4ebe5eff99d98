using System.Threading.RateLimiting;
using KubeTriage.Core.Engine;
using KubeTriage.Server.Apis;
using KubeTriage.Server.Investigations;
using KubeTriage.Remediation;
using KubeTriage.Remediation.Kubectl;
using KubeTriage.Server.Chat;
using KubeTriage.Server.Observability;
using KubeTriage.Server.Remediation;
using KubeTriage.Server.Security;
using KubeTriage.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Server;

/// <summary>Builds the <c>kubetriage serve</c> web application: minimal APIs, OpenAPI, limits, auth and metrics.</summary>
public static class ServerHost
{
    /// <summary>Builds the application for the given clusters; call <c>StartAsync</c>/<c>RunAsync</c> on the result.</summary>
    /// <exception cref="InvalidOperationException">A non-loopback address without API keys was not explicitly allowed.</exception>
    public static WebApplication Build(ServerOptions options, IClusterAccess clusters, Action<ILoggingBuilder>? logging = null)
    {
        BindingPolicy.Validate(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(clusters);
        builder.Services.TryAddSingleton<DiagnosisEngine>();
        builder.Services.TryAddSingleton<ServerMetrics>();
        builder.Services.TryAddSingleton<PrometheusExporter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CollectionCache>();
        builder.Services.TryAddSingleton<InvestigationRunner>();
        builder.Services.TryAddSingleton<RecordedInvestigations>();
        builder.Services.TryAddSingleton<AlertQueue>();
        builder.Services.AddHostedService<AlertWorker>();
        builder.Services.AddKubeTriageStore(store =>
        {
            store.DataDirectory = options.Store.DataDirectory;
            store.ConnectionString = options.Store.ConnectionString;
        });
        builder.Services.AddKubeTriageRemediation(remediation =>
        {
            remediation.PolicyPath = options.Remediation.PolicyPath;
            remediation.AuditFilePath = options.Remediation.AuditFilePath;
            remediation.ApprovalExpiry = options.Remediation.ApprovalExpiry;
            remediation.VerifyTimeout = options.Remediation.VerifyTimeout;
            remediation.VerifyPollInterval = options.Remediation.VerifyPollInterval;
        });
        builder.Services.TryAddSingleton<ApprovalExecutor>();
        builder.Services.TryAddSingleton(_ => new KubectlRunner(new KubectlRunnerOptions { KubectlPath = options.KubectlPath }));
        builder.Services.TryAddSingleton<ChatThreadMemory>();
        builder.Services.TryAddSingleton<ServerKubeconfig>();
        builder.Services.TryAddSingleton<ChatCommandRunner>();
        builder.Services.TryAddSingleton<ChatDiagnosis>();
        builder.Services.TryAddSingleton<ChatFlow>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApprovalExecutor>());
        builder.Services.TryAddSingleton(_ => new InvestigationGate(options.MaxConcurrentInvestigations, options.MaxQueuedInvestigations));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinutePerClient,
                    Window = TimeSpan.FromMinutes(1),
                }));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });

        var app = builder.Build();

        // Schema migrations run on start, before the first request can touch the store.
        app.Services.GetRequiredService<IKubeTriageStore>().MigrateAsync().GetAwaiter().GetResult();

        // The exporter must listen before the first instrument records.
        _ = app.Services.GetRequiredService<PrometheusExporter>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            using var activity = ServerMetrics.Tracing.StartActivity($"{context.Request.Method} {context.Request.Path}");
            await next(context);
            context.RequestServices.GetRequiredService<ServerMetrics>().Requests.Add(1,
                new KeyValuePair<string, object?>("route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched"),
                new KeyValuePair<string, object?>("code", context.Response.StatusCode));
        });
        app.MapOpenApi("/openapi.json");
        app.MapHealthApi();
        app.MapQueryApi();
        app.MapAlertApi();
        app.MapSchemaApi();
        app.MapHistoryApi();
        app.MapWebhookApi();
        app.MapIncidentApi();
        app.MapApprovalsApi();
        app.MapActionsApi();
        app.MapChatApi();
        return app;
    }

    /// <summary>Builds the application from kubeconfig contexts.</summary>
    public static WebApplication Build(ServerOptions options, Kubernetes.IClusterRegistry registry)
        => Build(options, new RegistryClusterAccess(registry));

    // One budget per API key when one is used, else per client address.
    private static string ClientKey(HttpContext http)
        => http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? "key:" + auth.GetHashCode(StringComparison.Ordinal) : "ip:" + http.Connection.RemoteIpAddress;
}
