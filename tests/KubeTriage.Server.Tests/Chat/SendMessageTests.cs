using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Server.Tests.Remediation;

namespace KubeTriage.Server.Tests.Chat;

/// <summary>The kubectl chat flow end to end: real kubectl against the sandbox, through the server, under the autonomy policy.</summary>
public sealed class SendMessageTests : IAsyncLifetime
{
    private RemediationServer _server = null!;
    private string _kubeconfig = null!;

    // Chat clients send the reference shape as written (Cmds, Command, Output), not camelCased.
    private static readonly JsonSerializerOptions AsWritten = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await RemediationServer.StartAsync();
        _kubeconfig = Convert.ToBase64String(await File.ReadAllBytesAsync(_server.KubeconfigPath, Ct));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Question_SuggestsCommandsWithTiersAndDiagnosesWithoutRunningAnything()
    {
        var before = await _server.GetDeploymentAsync();

        var answer = await SendAsync(new { content = "Why is report-api failing in the reporting namespace?", thread_id = "t-question", data = new { Cmds = Array.Empty<object>(), kubeconfig = _kubeconfig } });

        Assert.Equal("t-question", (string?)answer["thread_id"]);
        Assert.Contains("OOMKilled", (string?)answer["Content"], StringComparison.Ordinal);
        var cmds = answer["data"]!["Cmds"]!.AsArray();
        Assert.Contains(cmds, c => (string?)c!["Command"] == "kubectl get pods -n reporting" && (string?)c["risk"] == "read" && (bool?)c["execute"] == false);
        Assert.Contains(cmds, c => (string?)c!["risk"] is "confirm" or "forbidden" or "safe");
        Assert.Empty(answer["data"]!["executedCmds"]!.AsArray());
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)(await _server.GetDeploymentAsync())["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task ApprovedRead_RunsKubectlWithTheThreadsKubeconfigAndAnalysesTheOutput()
    {
        await SendAsync(new { content = "List my pods in the reporting namespace", thread_id = "t-read", data = new { kubeconfig = _kubeconfig } });

        var answer = await SendAsync(new { content = "approved", thread_id = "t-read", data = new { Cmds = new[] { new { Command = "kubectl get pods -n reporting", Output = "", execute = true } } } });

        var executed = Assert.Single(answer["data"]!["executedCmds"]!.AsArray())!;
        Assert.Equal(0, (int?)executed["exit_code"]);
        Assert.Contains("report-api", (string?)executed["Output"], StringComparison.Ordinal);
        Assert.StartsWith("Analysis of command(s):", (string?)answer["Content"], StringComparison.Ordinal);
        Assert.Contains(answer["data"]!["Cmds"]!.AsArray(), c => ((string?)c!["Command"])!.StartsWith("kubectl logs -n reporting report-api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovedWrite_IsDryRunThenRunAndAudited_ForbiddenAndInjectedOnesNeverRun()
    {
        var replicas = (int?)(await _server.GetDeploymentAsync())["spec"]!["replicas"];
        var answer = await SendAsync(new
        {
            content = "approved",
            thread_id = "t-write",
            data = new
            {
                kubeconfig = _kubeconfig,
                Cmds = new[]
                {
                    new { Command = "kubectl rollout restart deployment/report-api -n reporting", Output = "", execute = true },
                    new { Command = "kubectl delete namespace reporting", Output = "", execute = true },
                    new { Command = "kubectl -n kube-system delete pod coredns-x", Output = "", execute = true },
                    new { Command = "kubectl get pods; kubectl delete ns reporting", Output = "", execute = true },
                    new { Command = "kubectl scale deployment report-api --replicas=0 -n reporting", Output = "", execute = false },
                },
            },
        });

        var executed = answer["data"]!["executedCmds"]!.AsArray().ToDictionary(c => (string)c!["Command"]!, c => c!);
        Assert.Equal(4, executed.Count);
        Assert.Equal(0, (int?)executed["kubectl rollout restart deployment/report-api -n reporting"]["exit_code"]);
        Assert.Equal("confirm", (string?)executed["kubectl rollout restart deployment/report-api -n reporting"]["risk"]);
        Assert.StartsWith("not run: the autonomy policy forbids it", (string?)executed["kubectl delete namespace reporting"]["Output"], StringComparison.Ordinal);
        Assert.StartsWith("not run: the autonomy policy forbids it", (string?)executed["kubectl -n kube-system delete pod coredns-x"]["Output"], StringComparison.Ordinal);
        Assert.StartsWith("refused:", (string?)executed["kubectl get pods; kubectl delete ns reporting"]["Output"], StringComparison.Ordinal);

        var deployment = await _server.GetDeploymentAsync();
        Assert.NotNull((string?)deployment["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]);
        Assert.Equal(replicas, (int?)deployment["spec"]!["replicas"]);
        await _server.Cluster.GetAsync(Kubernetes.ResourceTypes.Namespaces, null, "reporting", Ct);

        var audit = await File.ReadAllLinesAsync(Path.Combine(_server.DataDirectory, "audit.jsonl"), Ct);
        var restart = audit.Select(l => JsonNode.Parse(l)!).Where(r => ((string?)r["inputs"])!.Contains("rollout", StringComparison.Ordinal)).Select(r => (string?)r["event"]).ToList();
        Assert.Equal(["dry_run", "executed"], restart);
        Assert.Equal(3, audit.Count(l => l.Contains("\"event\":\"refused\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecutedElsewhere_IsAnalysedWithoutTouchingTheCluster()
    {
        const string pasted = "NAME                                  READY   STATUS                       RESTARTS        AGE\n" +
            "k8s-demo-7fc788997c-pwdv6             0/1     CreateContainerConfigError   0               3d10h\n";

        var answer = await SendAsync(new { content = "What is the issue with my pods?", thread_id = "t-pasted", data = new { executedCmds = new[] { new { Command = "kubectl get pods -n shop", Output = pasted, execute = true } } } });

        Assert.Contains("CreateContainerConfigError", (string?)answer["Content"], StringComparison.Ordinal);
        Assert.Equal("kubectl describe pod -n shop k8s-demo-7fc788997c-pwdv6", (string?)Assert.Single(answer["data"]!["Cmds"]!.AsArray())!["Command"]);
        Assert.Empty(answer["data"]!["executedCmds"]!.AsArray());
    }

    [Fact]
    public async Task ExecuteAll_RunsEverySuggestedReadAtOnce()
    {
        var answer = await SendAsync(new { content = "Show recent events in the reporting namespace", thread_id = "t-all", data = new { Cmds = Array.Empty<object>(), kubeconfig = _kubeconfig, execute_all = true } });

        var executed = Assert.Single(answer["data"]!["executedCmds"]!.AsArray())!;
        Assert.Equal("kubectl get events --sort-by=.lastTimestamp -n reporting", (string?)executed["Command"]);
        Assert.Contains("Back-off restarting failed container report-api", (string?)executed["Output"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsKubectlAccessForTheServerAndForASentKubeconfig()
    {
        var own = await _server.Client.GetFromJsonAsync<JsonObject>("/api/health", Ct);
        var sent = await _server.Client.GetFromJsonAsync<JsonObject>($"/api/health?data.kubeconfig={Uri.EscapeDataString(_kubeconfig)}", Ct);
        var broken = await _server.Client.GetFromJsonAsync<JsonObject>($"/api/health?data.kubeconfig={Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("kind: [")))}", Ct);

        Assert.True((bool?)own!["kubectl_access"]);
        Assert.Equal("Connected to Kubernetes cluster successfully!", (string?)sent!["kubectl_message"]);
        Assert.False((bool?)broken!["kubectl_access"]);
    }

    [Theory]
    [InlineData("../../etc/passwd", "thread_id")]
    [InlineData("a b", "thread_id")]
    public async Task BadThreadId_IsRejectedNamingTheField(string threadId, string field)
    {
        var response = await _server.Client.PostAsJsonAsync("/api/sendMessage", new { content = "list pods", thread_id = threadId }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadKubeconfig_NeverReachesTheDatabaseTheAuditOrAnAnswer()
    {
        var answer = await _server.Client.PostAsJsonAsync("/api/sendMessage", new
        {
            content = "approved",
            thread_id = "t-secret",
            data = new { kubeconfig = _kubeconfig, Cmds = new[] { new { Command = "kubectl config view", Output = "", execute = true }, new { Command = "kubectl get pods -n reporting", Output = "", execute = true } } },
        }, AsWritten, Ct);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        await _server.StopServerAsync();

        Assert.DoesNotContain(_server.SandboxToken, body, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_server.DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(_server.SandboxToken, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, Ct)), StringComparison.Ordinal);
        }

        await _server.StartServerAsync();
    }

    private async Task<JsonObject> SendAsync(object request)
    {
        var response = await _server.Client.PostAsJsonAsync("/api/sendMessage", request, AsWritten, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
