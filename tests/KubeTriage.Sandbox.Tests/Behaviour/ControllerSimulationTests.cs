using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Behaviour;

/// The write fidelity remediation relies on, and the opt-in controller simulation (SandboxOptions.SimulateControllers).
public sealed class ControllerSimulationTests
{
    private const string Deployment = "apis/apps/v1/namespaces/shop/deployments/checkout";
    private const string ReplicaSets = "apis/apps/v1/namespaces/shop/replicasets";
    private const string Pods = "api/v1/namespaces/shop/pods";
    private const string TemplatePatch = """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-22T10:00:00Z"}}}}}""";

    [Fact]
    public async Task PatchTemplate_SimulationOff_BumpsGenerationOnlyAndCreatesNoReplicaSet()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = Client(server);
        var before = await GetAsync(http, Deployment);

        var patched = await SendAsync(http, HttpMethod.Patch, Deployment, TemplatePatch, "application/strategic-merge-patch+json");

        Assert.Equal(Long(before, "metadata", "generation") + 1, Long(patched, "metadata", "generation"));
        Assert.Equal(Long(before, "status", "observedGeneration"), Long(patched, "status", "observedGeneration"));
        Assert.Single((await GetAsync(http, ReplicaSets))["items"]!.AsArray());
    }

    [Fact]
    public async Task PatchStatus_DoesNotBumpGeneration()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = Client(server);
        var before = await GetAsync(http, Deployment);

        var patched = await SendAsync(http, HttpMethod.Patch, Deployment + "/status", """{"status":{"readyReplicas":2}}""", "application/merge-patch+json");

        Assert.Equal(Long(before, "metadata", "generation"), Long(patched, "metadata", "generation"));
        Assert.NotEqual(before["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchTemplate_SimulationOn_NextRevisionReplicaSetAndFinishedRollout()
    {
        await using var server = await SandboxServer.StartAsync(Simulated(), TestContext.Current.CancellationToken);
        using var http = Client(server);

        await SendAsync(http, HttpMethod.Patch, Deployment, TemplatePatch, "application/strategic-merge-patch+json");

        var deployment = await GetAsync(http, Deployment);
        var replicas = Long(deployment, "spec", "replicas");
        Assert.Equal(Long(deployment, "metadata", "generation"), Long(deployment, "status", "observedGeneration"));
        Assert.Equal(replicas, Long(deployment, "status", "updatedReplicas"));
        Assert.Equal(replicas, Long(deployment, "status", "availableReplicas"));
        Assert.Equal("2", deployment["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>());
        var sets = (await GetAsync(http, ReplicaSets))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(2, sets.Count);
        var newest = Assert.Single(sets, s => s["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>() == "2");
        Assert.Equal(replicas, Long(newest, "spec", "replicas"));
        Assert.Equal("2026-11-22T10:00:00Z", newest["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]!.GetValue<string>());
        Assert.Equal(0, Long(sets.Single(s => s != newest), "spec", "replicas"));
    }

    [Fact]
    public async Task PatchTemplate_DryRunWithSimulationOn_ChangesNothing()
    {
        await using var server = await SandboxServer.StartAsync(Simulated(), TestContext.Current.CancellationToken);
        using var http = Client(server);
        var before = await GetAsync(http, Deployment);

        await SendAsync(http, HttpMethod.Patch, Deployment + "?dryRun=All", TemplatePatch, "application/strategic-merge-patch+json");

        Assert.Equal(before.ToJsonString(), (await GetAsync(http, Deployment)).ToJsonString());
        Assert.Single((await GetAsync(http, ReplicaSets))["items"]!.AsArray());
    }

    [Fact]
    public async Task DeleteControllerPod_SimulationOn_ReadyReplacementWithNewName()
    {
        await using var server = await SandboxServer.StartAsync(Simulated(), TestContext.Current.CancellationToken);
        using var http = Client(server);

        await SendAsync(http, HttpMethod.Delete, $"{Pods}/{RecordedCluster.CrashingPod}", null, null);

        var pods = (await GetAsync(http, Pods))["items"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.DoesNotContain(pods, p => p["metadata"]!["name"]!.GetValue<string>() == RecordedCluster.CrashingPod);
        var replacement = Assert.Single(pods, p => p["metadata"]!["name"]!.GetValue<string>() != RecordedCluster.RunningPod);
        Assert.StartsWith("checkout-6d4b9c7f5d-", replacement["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Running", replacement["status"]!["phase"]!.GetValue<string>());
        Assert.Contains(replacement["status"]!["conditions"]!.AsArray(), c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "True");
    }

    [Fact]
    public async Task DeleteFailedPod_IsRemovedAtOnce()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = Client(server);
        await SendAsync(http, HttpMethod.Patch, $"{Pods}/{RecordedCluster.RunningPod}/status", """{"status":{"phase":"Failed","reason":"Evicted"}}""", "application/merge-patch+json");

        await SendAsync(http, HttpMethod.Delete, $"{Pods}/{RecordedCluster.RunningPod}", null, null);

        using var response = await http.GetAsync($"{Pods}/{RecordedCluster.RunningPod}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ScaleDeployment_SimulationOn_StatusFollows()
    {
        await using var server = await SandboxServer.StartAsync(Simulated(), TestContext.Current.CancellationToken);
        using var http = Client(server);

        await SendAsync(http, HttpMethod.Patch, Deployment + "/scale", """{"spec":{"replicas":4}}""", "application/merge-patch+json");

        var deployment = await GetAsync(http, Deployment);
        Assert.Equal(4, Long(deployment, "spec", "replicas"));
        Assert.Equal(4, Long(deployment, "status", "availableReplicas"));
        Assert.Equal(Long(deployment, "metadata", "generation"), Long(deployment, "status", "observedGeneration"));
    }

    private static SandboxOptions Simulated() => new()
    {
        Objects = RecordedCluster.Objects(),
        Logs = RecordedCluster.Logs,
        Users = RecordedCluster.Users,
        SimulateControllers = true,
    };

    private static HttpClient Client(SandboxServer server)
    {
        var http = new HttpClient(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RecordedCluster.AdminToken);
        return http;
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
        => JsonNode.Parse(await http.GetStringAsync(path, TestContext.Current.CancellationToken))!.AsObject();

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static long Long(JsonObject obj, string section, string field) => obj[section]![field]!.GetValue<long>();
}
