using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KubeTriage.Kubernetes;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Server.Tests.Remediation;

/// <summary>
/// A sandbox that applies writes (with its controller simulation) and a server over it with an autonomy policy; the
/// server can be stopped and started again on the same data directory, as after a crash.
/// </summary>
internal sealed class RemediationServer : IAsyncDisposable
{
    public const string Namespace = "reporting";
    public const string Deployment = "report-api";

    // What an SRE team would write first: restarts and memory raises in the app namespace need a person; scaling by
    // a little runs alone; nothing else is allowed.
    private const string Policy = """
        version: 1
        defaultTier: forbidden
        rules:
          - name: app-scale
            tier: safe
            actions: [scale]
            namespaces: [reporting]
          - name: app-changes
            tier: confirm
            actions: [rollout-restart, raise-memory-limit, rollback]
            namespaces: [reporting]
          - name: chat-restarts
            tier: confirm
            commands: [rollout restart]
            namespaces: [reporting]
          - name: chat-pod-deletes
            tier: safe
            commands: [delete]
            kinds: [Pod]
            namespaces: [reporting]
        """;

    private readonly SandboxedServer _host;

    private RemediationServer(SandboxedServer host, string policyPath)
    {
        _host = host;
        PolicyPath = policyPath;
    }

    public string DataDirectory => Path.Combine(_host.WorkDirectory, "data");

    public string KubeconfigPath => _host.KubeconfigPath;

    public string SandboxToken => _host.SandboxToken;

    public string PolicyPath { get; }

    public ShiftedClock Clock { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IKubernetesClient Cluster => _host.Cluster;

    public static async Task<RemediationServer> StartAsync()
    {
        var host = await SandboxedServer.StartSandboxAsync("oomkilled-java", sandbox => sandbox with { SimulateControllers = true });
        var policy = Path.Combine(host.WorkDirectory, "policy.yaml");
        await File.WriteAllTextAsync(policy, Policy, TestContext.Current.CancellationToken);
        var server = new RemediationServer(host, policy);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same data directory and policy.</summary>
    public async Task StartServerAsync()
    {
        var address = await _host.StartServerAsync(
            new ServerOptions
            {
                Store = new Storage.StoreOptions { DataDirectory = DataDirectory },
                Kubeconfig = KubeconfigPath,
                Remediation = new KubeTriage.Remediation.RemediationOptions
                {
                    PolicyPath = PolicyPath,
                    VerifyTimeout = TimeSpan.FromSeconds(20),
                    VerifyPollInterval = TimeSpan.FromMilliseconds(100),
                },
            },
            services =>
            {
                services.AddSingleton(AI.Configuration.AgentSettings.None);
                services.AddSingleton<TimeProvider>(Clock);
            });
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Stops the server the way a crash leaves state: whatever was stored stays, nothing more runs.</summary>
    public async Task StopServerAsync()
    {
        Client.Dispose();
        await _host.StopServerAsync();
    }

    public async Task<JsonObject> ProposeAsync(string type, IDictionary<string, string>? parameters = null)
    {
        var response = await Client.PostAsJsonAsync(
            "/api/v1/actions",
            new
            {
                action = new { type, target = new { kind = "Deployment", @namespace = Namespace, name = Deployment }, parameters = parameters ?? new Dictionary<string, string>() },
                requested_by = "test",
            },
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Polls an approval until it reaches one of the given states or a deadline passes.</summary>
    public async Task<JsonObject> WaitForApprovalAsync(string id, params string[] states)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var approval = (await Client.GetFromJsonAsync<JsonObject>($"/api/v1/approvals/{id}", TestContext.Current.CancellationToken))!;
            if (states.Contains((string?)approval["status"]) || DateTime.UtcNow > deadline)
            {
                return approval;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async Task<JsonObject> GetDeploymentAsync()
        => await Cluster.GetAsync(ResourceTypes.Deployments, Namespace, Deployment, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
