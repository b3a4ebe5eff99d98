using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeTriage.Server.Tests;

public sealed class ServerApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_Anonymous_AnswerWithoutKey()
    {
        Assert.Equal("ok", (await server.Anonymous.GetFromJsonAsync<JsonObject>("/health", Ct))!["status"]!.GetValue<string>());
        Assert.Equal("ok", await server.Anonymous.GetStringAsync("/healthz", Ct));
        Assert.Equal("pong", await server.Anonymous.GetStringAsync("/ping", Ct));
    }

    [Fact]
    public async Task Info_NamesServiceClustersAndEngine()
    {
        var info = await server.Client.GetFromJsonAsync<JsonObject>("/", Ct);

        Assert.Equal("kubetriage", info!["name"]!.GetValue<string>());
        Assert.Equal("sandbox", info["default_cluster"]!.GetValue<string>());
        Assert.Equal("deterministic", info["engine"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_WithoutKey_Unauthorized()
    {
        using var response = await server.Anonymous.PostAsJsonAsync("/", new { query = "why?" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReadyDeep_ChecksTheCluster()
    {
        var ready = await server.Client.GetFromJsonAsync<JsonObject>("/ready?deep=true", Ct);

        Assert.Equal("ready", ready!["status"]!.GetValue<string>());
        Assert.Equal("ok", ready["checks"]!["cluster:sandbox"]!["status"]!.GetValue<string>());
        Assert.Equal("ok", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.True(ready["checks"]!["database"]!["schema_version"]!.GetValue<int>() >= 2);
        Assert.NotNull(ready["checks"]!["llm"]!["status"]);
    }

    [Fact]
    public async Task Ask_BrokenCluster_ReportsRootCauseWithMetrics()
    {
        using var response = await server.Client.PostAsJsonAsync("/", new { query = "why is checkout failing?", @namespace = "shop" }, Ct);

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains("checkout-db", body["result"]!.GetValue<string>());
        Assert.Equal("MissingSecret", body["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
        Assert.Equal(32, body["request_id"]!.GetValue<string>().Length);
        var metrics = body["metrics"]!;
        Assert.True(metrics["duration_ms"]!.GetValue<long>() >= 0);
        Assert.Equal(0, metrics["num_turns"]!.GetValue<int>());
        Assert.NotNull(metrics["usage"]!["cache_read_input_tokens"]);
        Assert.Equal("engine", metrics["breakdown"]![0]!["agent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_SendsProgressTextReportAndMetricsLast()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stream") { Content = JsonContent.Create(new { query = "what is broken?" }) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = SseParser.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("progress", events[0].Event);
        Assert.Equal("metrics", events[^1].Event);
        var report = JsonNode.Parse(events.Single(e => e.Event == "report").Data)!;
        var text = string.Concat(events.Where(e => e.Event == "text").Select(e => JsonNode.Parse(e.Data)!["delta"]!.GetValue<string>()));
        Assert.Equal(report["summary"]!.GetValue<string>(), text);
        Assert.Equal("MissingSecret", report["rootCauses"]![0]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analyze_FiringAlertForPod_ExplainsWithQualityAndContext()
    {
        var alert = new
        {
            status = "firing",
            labels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop", ["pod"] = "checkout-d5s22l4s8k-2qbkl", ["severity"] = "warning" },
            annotations = new Dictionary<string, string> { ["summary"] = "Pod has been in a non-ready state for more than 15 minutes." },
            startsAt = "2026-11-21T09:40:00Z",
            fingerprint = "1a2b3c4d5e6f7081",
            thread_ts = "1732182000.000100",
        };

        using var response = await server.Client.PostAsJsonAsync("/analyze", alert, Ct);

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains("MissingSecret", body["analysis_summary"]!.GetValue<string>());
        Assert.Contains("secret \"checkout-db\" not found", body["analysis_detail"]!.GetValue<string>());
        Assert.Equal("high", body["analysis_quality"]!.GetValue<string>());
        Assert.Contains(body["missing_data"]!.AsArray(), m => m!.GetValue<string>().StartsWith("prometheus", StringComparison.Ordinal));
        Assert.Equal("ok", body["capabilities"]!["kubernetes"]!.GetValue<string>());
        Assert.Equal("Pod/shop/checkout-d5s22l4s8k-2qbkl", body["context"]!["object"]!.GetValue<string>());
        Assert.Equal("1732182000.000100", body["thread_ts"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/", "{\"query\": 12}", "$.query")]
    [InlineData("/", "{\"timeout_seconds\": 30}", "query")]
    [InlineData("/", "{\"query\": \"x\", \"timeout_seconds\": 0}", "timeout_seconds")]
    [InlineData("/", "{\"query\": \"x\",", "$")]
    [InlineData("/analyze", "{\"status\": \"firing\"}", "labels")]
    [InlineData("/analyze", "{\"status\": \"burning\", \"labels\": {\"alertname\": \"X\"}}", "status")]
    public async Task BadInput_ProblemDetailsNamingTheField(string path, string json, string field)
    {
        using var response = await server.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task OversizedBody_413()
    {
        var big = "{\"query\": \"" + new string('x', 100 * 1024) + "\"}";

        using var response = await server.Client.PostAsync("/", new StringContent(big, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SchemaOpenApiAndMetrics_Served()
    {
        var schema = JsonNode.Parse(await server.Client.GetStringAsync("/schema", Ct))!;
        Assert.NotNull(schema["properties"]!["rootCauses"]);
        var openapi = JsonNode.Parse(await server.Client.GetStringAsync("/openapi.json", Ct))!;
        Assert.NotNull(openapi["paths"]!["/analyze"]);
        await server.Client.GetStringAsync("/health", Ct);
        var metrics = await server.Client.GetStringAsync("/metrics", Ct);
        Assert.Contains("# TYPE kubetriage_http_requests_total counter", metrics);
        Assert.Contains("route=\"/health\"", metrics);
    }

    [Fact]
    public async Task AlertStorm_ConcurrentAnalyses_ShareOneCollection()
    {
        var before = await CollectionsAsync();
        var alert = new { status = "firing", labels = new Dictionary<string, string> { ["alertname"] = "KubeDeploymentReplicasMismatch", ["namespace"] = "team-storm", ["deployment"] = "x" } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Client.PostAsJsonAsync("/analyze", alert, Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, await CollectionsAsync());
    }

    private async Task<long> CollectionsAsync()
    {
        var metrics = await server.Client.GetStringAsync("/metrics", Ct);
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("kubetriage_kubernetes_collections_total", StringComparison.Ordinal));
        return line is null ? 0 : (long)double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
