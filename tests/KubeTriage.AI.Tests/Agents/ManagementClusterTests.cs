using System.Text.Json.Nodes;
using KubeTriage.AI.Agents;
using KubeTriage.AI.Agents.Clusters;
using KubeTriage.AI.Middleware;
using KubeTriage.Core.Engine;
using KubeTriage.Core.Snapshots;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Sandbox;

namespace KubeTriage.AI.Tests.Agents;

/// <summary>The management collector against the sandbox serving Cluster API objects, a Giant Swarm App and their CRDs, read live.</summary>
public sealed class ManagementClusterTests : IAsyncLifetime
{
    private const string Machine = "prod-eu-1-md-0-cwkh4-fjfb8-slwgt";

    private SandboxServer? _sandbox;
    private ClusterConnections? _clusters;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IClusterReader Reader => new KubernetesClusterReader(_clusters!.Default);

    public async ValueTask InitializeAsync()
    {
        var capi = SnapshotLoader.Load(Path.Combine(RepoPaths.Scenarios, "capi-machine-not-ready")).State;
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Objects = [.. capi.All.Select(o => o.ToJsonObject()), AppCrd(), App()] }, Ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-mgmt-").FullName, "config");
        _sandbox.WriteKubeconfig(kubeconfig);
        _clusters = ClusterConnections.FromEnvironment(KubeConfigLoadingRules.FromEnvironment(kubeconfig));
    }

    public async ValueTask DisposeAsync()
    {
        _clusters?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task FleetStatus_Live_ShowsMachineAndAppThatAreNotReady()
    {
        var tools = new ClusterTools(ClusterView.LiveOnly("management", Reader), new DiagnosisEngine().Diagnose(new([], [])));

        var text = await tools.FleetStatusAsync(notReadyOnly: true, cancellationToken: Ct);

        Assert.Contains($"! Machine clusters/{Machine}", text, StringComparison.Ordinal);
        Assert.Contains("node=none", text, StringComparison.Ordinal);
        Assert.Contains("! App org-acme/ingress-nginx release=failed version=4.11.0 reason=Helm install failed: timed out", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetManifest_LiveCustomResourceByGroupOnly_Describes()
    {
        var tools = new ClusterTools(ClusterView.LiveOnly("management", Reader), new DiagnosisEngine().Diagnose(new([], [])));

        var text = await tools.GetManifestAsync("cluster.x-k8s.io", "machines", "clusters", Machine, Ct);

        Assert.Contains("kind: Machine cluster.x-k8s.io/", text, StringComparison.Ordinal);
        Assert.Contains("conditions: Ready=False", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvestigateAsync_DelegatesToManagementCollector_ReadsTheManagementClusterLive()
    {
        var ledger = new UsageLedger();
        var coordinator = new ScriptedChatClient("strong", (messages, _) => ScriptedChatClient.HasToolResult(messages)
            ? ScriptedChatClient.Text("""{"summary":"A worker Machine cannot get EC2 capacity.","rootCauses":[]}""")
            : ScriptedChatClient.Call("d1", "delegate", new() { ["task"] = "Which Cluster API machines are not ready, and why?", ["source"] = "management" }));
        var collector = new ScriptedChatClient("cheap", (messages, options) => ScriptedChatClient.HasToolResult(messages)
            ? ScriptedChatClient.Text(ScriptedChatClient.LastToolResult(messages) + "\nconfidence: high")
            : ScriptedChatClient.Call("c1", "fleet_status", new() { ["notReadyOnly"] = true }));
        var workload = TestCluster.Create();

        var outcome = await new Coordinator(coordinator, collector, ledger, null, new CoordinatorOptions { Management = ClusterView.LiveOnly("management", Reader) })
            .InvestigateAsync(workload, new DiagnosisEngine().Diagnose(workload), "Why are nodes missing?", Ct);

        Assert.Equal("A worker Machine cannot get EC2 capacity.", outcome.Report.Summary);
        Assert.Contains("\"management\" for the management cluster", coordinator.Calls[0][0].Text, StringComparison.Ordinal);
        Assert.Contains(Machine, ScriptedChatClient.LastToolResult(coordinator.Calls[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void IClusterReader_HasOnlyReadingMethods()
    {
        Assert.Equal(["GetAsync", "GetLogsAsync", "ListAsync"], typeof(IClusterReader).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(typeof(KubernetesClusterReader).GetProperties(), p => typeof(IKubernetesClient).IsAssignableFrom(p.PropertyType));
    }

    private static JsonObject AppCrd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"apps.application.giantswarm.io"},
         "spec":{"group":"application.giantswarm.io","scope":"Namespaced","names":{"plural":"apps","singular":"app","kind":"App","listKind":"AppList"},
           "versions":[{"name":"v1alpha1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """)!.AsObject();

    private static JsonObject App() => JsonNode.Parse("""
        {"apiVersion":"application.giantswarm.io/v1alpha1","kind":"App","metadata":{"name":"ingress-nginx","namespace":"org-acme"},
         "spec":{"name":"ingress-nginx","version":"4.11.0","catalog":"giantswarm","namespace":"kube-system"},
         "status":{"version":"4.11.0","release":{"status":"failed","reason":"Helm install failed: timed out waiting for the condition"}}}
        """)!.AsObject();
}
