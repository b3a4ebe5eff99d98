using KubeTriage.Server.Investigations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KubeTriage.Server.Apis;

/// <summary>Liveness, readiness and service information.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithTags("health");
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("health");
        app.MapGet("/ping", () => TypedResults.Text("pong")).WithTags("health");
        app.MapGet("/ready", ReadyAsync).WithTags("health");
        app.MapGet("/", Info).WithTags("health");
        return app;
    }

    // No LLM is a supported mode (the engine answers); a configuration that cannot be read is not ready-breaking either,
    // but it is reported. The key itself is never echoed.
    private static object LlmCheck()
    {
        try
        {
            var config = AI.Configuration.ProviderConfiguration.FromEnvironment(Environment.GetEnvironmentVariables());
            return new
            {
                status = config.ApiKey is null && config.Provider is not (AI.Configuration.ProviderKind.Ollama or AI.Configuration.ProviderKind.Bedrock) ? "missing key" : "configured",
                provider = config.Provider.ToString(),
                coordinator_model = config.ModelFor(AI.Configuration.AgentRole.Coordinator),
                collector_model = config.ModelFor(AI.Configuration.AgentRole.Collector),
                reachability = "not checked",
            };
        }
        catch (AI.Configuration.ProviderConfigurationException ex)
        {
            return new { status = "not configured", detail = ex.Message + "; the deterministic engine answers" };
        }
    }

    private static IResult Info(ServerOptions options, IClusterAccess clusters, InvestigationRunner runner, KubeTriage.Remediation.Policy.IRemediationPolicy policy) => TypedResults.Ok(new
    {
        name = "kubetriage",
        version = options.Version,
        clusters = clusters.Clusters,
        default_cluster = clusters.DefaultCluster,
        engine = runner.AgentsEnabled ? "agents over the deterministic engine" : "deterministic",
        llm = LlmCheck(),
        remediation = policy is KubeTriage.Remediation.Policy.RemediationPolicy { ForbidsEverything: true } readOnly
            ? new { mode = "read-only", policy = (string?)readOnly.Source, detail = readOnly.RefusalReason }
            : new { mode = "policy", policy = (policy as KubeTriage.Remediation.Policy.RemediationPolicy)?.Source, detail = (string?)null },
        endpoints = new[]
        {
            "POST /", "POST /stream", "POST /analyze", "POST /api/v1/actions", "GET /api/v1/approvals", "POST /api/sendMessage", "GET /api/health",
            "GET /schema", "GET /openapi.json", "GET /metrics", "GET /ready?deep=true",
        },
    });

    // Shallow: the process is up and configured. Deep: every cluster answers /version with our credentials.
    private static async Task<IResult> ReadyAsync(bool? deep, IClusterAccess clusters, Storage.IKubeTriageStore store, CancellationToken ct)
    {
        var checks = new Dictionary<string, object> { ["configuration"] = new { status = "ok" } };
        var ready = true;
        if (deep == true)
        {
            foreach (var name in clusters.Clusters)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    var version = await clusters.Get(name).GetVersionAsync(timeout.Token);
                    checks[$"cluster:{name}"] = new { status = "ok", version = version.GitVersion };
                }
                catch (Exception ex) when (ex is Kubernetes.KubernetesException or OperationCanceledException)
                {
                    ready = false;
                    checks[$"cluster:{name}"] = new { status = "unavailable", error = ex.Message };
                }
            }

            try
            {
                var migrations = await store.GetMigrationHistoryAsync(ct);
                checks["database"] = new { status = "ok", schema_version = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version) };
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                ready = false;
                checks["database"] = new { status = "unavailable", error = ex.Message };
            }

            checks["llm"] = LlmCheck();
        }

        var body = new { status = ready ? "ready" : "not ready", checks };
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
