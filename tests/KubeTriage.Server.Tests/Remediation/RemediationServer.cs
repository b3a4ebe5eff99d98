using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;
using Microsoft.AspNetCore.Builder;
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

    private readonly SandboxServer _sandbox;
    private readonly ClusterConnections _clusters;
    private WebApplication? _app;

    private RemediationServer(SandboxServer sandbox, ClusterConnections clusters, string dataDirectory, string policyPath, string kubeconfigPath)
    {
        KubeconfigPath = kubeconfigPath;
        _sandbox = sandbox;
        _clusters = clusters;
        DataDirectory = dataDirectory;
        PolicyPath = policyPath;
    }

    public string DataDirectory { get; }

    public string KubeconfigPath { get; }

    public string SandboxToken => _sandbox.AdminToken;

    public string PolicyPath { get; }

    public ShiftedClock Clock { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IKubernetesClient Cluster => _clusters.Default;

    public static async Task<RemediationServer> StartAsync()
    {
        var loaded = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "oomkilled-java"));
        var sandbox = await SandboxServer.StartAsync(SandboxOptions.FromState(loaded.State) with { SimulateControllers = true, });
        var work = Directory.CreateTempSubdirectory("kt-remediation-").FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        sandbox.WriteKubeconfig(kubeconfig);
        var policy = Path.Combine(work, "policy.yaml");
        await File.WriteAllTextAsync(policy, Policy, TestContext.Current.CancellationToken);
        var server = new RemediationServer(sandbox, ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig)), Path.Combine(work, "data"), policy, kubeconfig);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same data directory and policy.</summary>
    public async Task StartServerAsync()
    {
        _app = ServerHost.Build(
            new ServerOptions
            {
                Port = 0,
                Store = new Storage.StoreOptions { DataDirectory = DataDirectory },
                Kubeconfig = KubeconfigPath,
                Remediation = new KubeTriage.Remediation.RemediationOptions
                {
                    PolicyPath = PolicyPath,
                    VerifyTimeout = TimeSpan.FromSeconds(20),
                    VerifyPollInterval = TimeSpan.FromMilliseconds(100),
                },
            },
            new Investigations.RegistryClusterAccess(_clusters),
            logging =>
            {
                logging.Services.AddSingleton(AI.Configuration.AgentSettings.None);
                logging.Services.AddSingleton<TimeProvider>(Clock);
            });
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Stops the server the way a crash leaves state: whatever was stored stays, nothing more runs.</summary>
    public async Task StopServerAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
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
        await StopServerAsync();
        _clusters.Dispose();
        await _sandbox.DisposeAsync();
    }
}
