using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Server.Tests;

public sealed class AgentQueryTests(AgentServerFixture server) : IClassFixture<AgentServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_ProviderConfigured_AgentsAnswerWithEscalationMetricsAndCostPersisted()
    {
        using var response = await server.Client.PostAsJsonAsync("/", new { query = "why is checkout failing?", @namespace = "shop", max_turns = 5 }, Ct);

        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.StartsWith("Checkout is down", body["result"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("MissingSecret", body["report"]!["rootCauses"]![0]!["category"]!.GetValue<string>());
        var metrics = body["metrics"]!;
        Assert.Equal(6, metrics["num_turns"]!.GetValue<int>());
        Assert.Equal(
            ["engine", "Coordinator", "Collector", "CollectorEscalation"],
            metrics["breakdown"]!.AsArray().Select(b => b!["agent"]!.GetValue<string>()));
        Assert.Equal(6000, metrics["usage"]!["input_tokens"]!.GetValue<long>());

        // Coordinator and escalation: 4 calls at 1,000 in / 50 out on gpt-strong; the cheap collector: 2 calls.
        Assert.Equal((4 * ((1000 * 2m) + (50 * 8m)) + (2 * ((1000 * 0.4m) + (50 * 1.6m)))) / 1_000_000m, metrics["total_cost_usd"]!.GetValue<decimal>());

        // The collector read the ingress controller's log live from the (sandbox) cluster, framed as data.
        var toolResult = server.Llm.Requests
            .SelectMany(r => r["messages"]!.AsArray())
            .First(m => m!["role"]!.GetValue<string>() == "tool" && m["content"]!.ToString().Contains("get_logs ingress-nginx/", StringComparison.Ordinal))!["content"]!.ToString();
        Assert.Matches(@"\d+x W\d+ [^\n]*Service ""shop/checkout"" does not have any active Endpoint\.", toolResult);
        Assert.StartsWith("<tool_output", toolResult, StringComparison.Ordinal);

        var stored = await server.Client.GetFromJsonAsync<JsonObject>($"/api/v1/investigations/{body["investigation_id"]!.GetValue<string>()}", Ct);
        Assert.Equal(4, stored!["metrics"]!["breakdown"]!.AsArray().Count);
        Assert.Equal(6, stored["metrics"]!["num_turns"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stream_ProviderConfigured_StreamsDelegationsToolCallsEscalationThenAnswer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stream") { Content = JsonContent.Create(new { query = "why is checkout failing?", @namespace = "shop" }) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        var events = SseParser.Parse(await response.Content.ReadAsStringAsync(Ct));
        var steps = events.Where(e => e.Event == "progress").Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.Equal(
            ["engine:collect", "engine:diagnose", "coordinator:delegate", "collector:logs:tool", "collector:logs:escalate", "collector:logs:escalated:tool"],
            steps.Select(s => $"{s["agent"]}:{s["step"]}"));
        Assert.Contains("get_logs(", steps[3]["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = string.Concat(events.Where(e => e.Event == "text").Select(e => JsonNode.Parse(e.Data)!["delta"]!.GetValue<string>()));
        Assert.StartsWith("Checkout is down", text, StringComparison.Ordinal);
        Assert.Equal("metrics", events[^1].Event);
        Assert.Equal(4, JsonNode.Parse(events[^1].Data)!["breakdown"]!.AsArray().Count);
    }

    [Fact]
    public async Task Stream_ClientHangsUp_ModelCallIsCancelled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var before = server.Llm.Aborted;
        var requests = server.Llm.Requests.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stream") { Content = JsonContent.Create(new { query = "hang until I leave" }) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);

        await PollAsync(() => server.Llm.Requests.Count > requests);
        cts.Cancel();
        response.Dispose();

        await PollAsync(() => server.Llm.Aborted > before);
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(20, Ct);
        }
    }
}
