using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Server.Tests;

public sealed class HistoryAndAlertTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Threads_FollowUpKnowsThePreviousAnswer_AndHistoryKeepsBoth()
    {
        var first = await AskAsync(new { query = "why is checkout failing?", @namespace = "shop" });
        var threadId = first["thread_id"]!.GetValue<string>();

        var second = await AskAsync(new { query = "and now?", @namespace = "shop", thread_id = threadId });

        Assert.Equal(threadId, second["thread_id"]!.GetValue<string>());
        Assert.Contains("Compared with the previous answer in this thread: still present: MissingSecret on Deployment/shop/checkout", second["result"]!.GetValue<string>());
        var stored = await server.Client.GetFromJsonAsync<JsonObject>($"/api/v1/investigations/{second["investigation_id"]}", Ct);
        Assert.Equal("succeeded", stored!["status"]!.GetValue<string>());
        Assert.Equal(threadId, stored["thread_id"]!.GetValue<string>());
        Assert.Equal("MissingSecret", stored["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
        Assert.NotNull(stored["metrics"]!["duration_ms"]);
    }

    [Fact]
    public async Task Threads_UnknownOrUnsafeThreadId_4xxNamingTheField()
    {
        using var unknown = await server.Client.PostAsJsonAsync("/", new { query = "x", thread_id = "no-such-thread" }, Ct);
        using var traversal = await server.Client.PostAsJsonAsync("/", new { query = "x", thread_id = "../../etc/passwd" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotNull((await unknown.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["thread_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
        Assert.NotNull((await traversal.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["thread_id"]);
    }

    [Fact]
    public async Task History_ListFiltersAndPages()
    {
        await AskAsync(new { query = "history paging one", @namespace = "shop" });
        await AskAsync(new { query = "history paging two", @namespace = "shop" });

        var page = await server.Client.GetFromJsonAsync<JsonObject>("/api/v1/investigations?q=history%20paging&limit=1&source=api", Ct);
        var next = await server.Client.GetFromJsonAsync<JsonObject>($"/api/v1/investigations?q=history%20paging&limit=1&source=api&cursor={Uri.EscapeDataString(page!["next_cursor"]!.GetValue<string>())}", Ct);
        using var bad = await server.Client.GetAsync("/api/v1/investigations?status=exploded", Ct);
        using var missing = await server.Client.GetAsync("/api/v1/investigations/does-not-exist", Ct);

        Assert.Equal("history paging two", page["items"]![0]!["query"]!.GetValue<string>());
        Assert.Equal("history paging one", next!["items"]![0]!["query"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AlertmanagerWebhook_AcceptsAtOnce_DeduplicatesAndStoresTheInvestigation()
    {
        var payload = Webhook("9f8e7d6c5b4a3921", "2026-11-21T09:41:00Z");

        using var first = await server.Client.PostAsJsonAsync("/webhooks/alertmanager", payload, Ct);
        using var again = await server.Client.PostAsJsonAsync("/webhooks/alertmanager", payload, Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var accepted = (await first.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(1, accepted["accepted"]!.GetValue<int>());
        Assert.Equal(1, accepted["resolved"]!.GetValue<int>());
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonObject>(Ct))!["duplicates"]!.GetValue<int>());
        var id = accepted["investigations"]![0]!.GetValue<string>();
        var stored = await PollAsync(id);
        Assert.Equal("webhook", stored["source"]!.GetValue<string>());
        Assert.Equal("MissingSecret", stored["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task SummarizeIncident_UsesTheStoredAnalysesOfItsAlerts()
    {
        using var received = await server.Client.PostAsJsonAsync("/webhooks/alertmanager", Webhook("0a1b2c3d4e5f6071", "2026-11-21T09:42:00Z"), Ct);
        var id = (await received.Content.ReadFromJsonAsync<JsonObject>(Ct))!["investigations"]![0]!.GetValue<string>();
        await PollAsync(id);
        var resolvedAlert = new
        {
            status = "resolved",
            labels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop", ["pod"] = "checkout-d5s22l4s8k-2qbkl" },
            startsAt = "2026-11-21T09:42:00Z",
            endsAt = "2026-11-21T10:12:00Z",
            fingerprint = "0a1b2c3d4e5f6071",
        };

        using var response = await server.Client.PostAsJsonAsync("/summarize-incident", new { alerts = new[] { resolvedAlert }, thread_ts = "1732182000.000200" }, Ct);

        response.EnsureSuccessStatusCode();
        var summary = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains("(30 min)", summary["summary"]!.GetValue<string>());
        Assert.Contains("Root cause: Secret checkout-db does not exist [MissingSecret on Deployment/shop/checkout]", summary["summary"]!.GetValue<string>());
        Assert.Equal(id, summary["investigations"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AlertmanagerWebhook_InvalidPayload_ProblemNamingTheField()
    {
        using var response = await server.Client.PostAsJsonAsync("/webhooks/alertmanager", new { version = "4", alerts = new[] { new { status = "firing" } } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["alerts[0].labels"]);
    }

    private static object Webhook(string fingerprint, string startsAt) => new
    {
        version = "4",
        groupKey = "{}:{alertname=\"KubePodNotReady\"}",
        status = "firing",
        receiver = "kubetriage",
        groupLabels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady" },
        commonLabels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop" },
        commonAnnotations = new Dictionary<string, string>(),
        externalURL = "http://alertmanager.monitoring:9093",
        alerts = new object[]
        {
            new
            {
                status = "firing",
                labels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop", ["pod"] = "checkout-d5s22l4s8k-2qbkl", ["severity"] = "warning" },
                annotations = new Dictionary<string, string> { ["summary"] = "Pod has been in a non-ready state for more than 15 minutes." },
                startsAt,
                endsAt = "0001-01-01T00:00:00Z",
                generatorURL = "http://prometheus.monitoring:9090/graph",
                fingerprint,
            },
            new
            {
                status = "resolved",
                labels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop", ["pod"] = "web-1" },
                annotations = new Dictionary<string, string>(),
                startsAt = "2026-11-21T08:00:00Z",
                endsAt = "2026-11-21T08:30:00Z",
                generatorURL = "http://prometheus.monitoring:9090/graph",
                fingerprint = "ffffeeeeddddcccc",
            },
        },
    };

    private async Task<JsonObject> AskAsync(object body)
    {
        using var response = await server.Client.PostAsJsonAsync("/", body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    // The webhook answers before the investigation ends: poll the history with a deadline.
    private async Task<JsonObject> PollAsync(string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var stored = (await server.Client.GetFromJsonAsync<JsonObject>($"/api/v1/investigations/{id}", Ct))!;
            var status = stored["status"]!.GetValue<string>();
            if (status is "succeeded" or "failed" || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Equal("succeeded", status);
                return stored;
            }

            await Task.Delay(50, Ct);
        }
    }
}
