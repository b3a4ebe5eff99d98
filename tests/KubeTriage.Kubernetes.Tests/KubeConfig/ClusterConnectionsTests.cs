using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Kubernetes.Tests.KubeConfig;

public sealed class ClusterConnectionsTests
{
    private const string TwoClusters = """
        apiVersion: v1
        kind: Config
        current-context: kind-workload
        clusters:
        - name: workload
          cluster: {server: "https://127.0.0.1:7001"}
        - name: mgmt
          cluster: {server: "https://127.0.0.1:7002"}
        users:
        - name: admin
          user: {token: t}
        contexts:
        - name: kind-workload
          context: {cluster: workload, user: admin, namespace: shop}
        - name: kind-mgmt
          context: {cluster: mgmt, user: admin}
        """;

    [Fact]
    public void Get_Alias_ReturnsClientOfTargetContext()
    {
        var config = KubeConfigLoader.LoadFromString(TwoClusters, Path.GetTempPath());
        using var clusters = ClusterConnections.FromKubeConfig(config, aliases: new Dictionary<string, string> { ["management"] = "kind-mgmt", ["workload"] = "kind-workload" });

        var management = clusters.Get("management");

        Assert.Equal("https://127.0.0.1:7002", management.Server);
        Assert.Equal("kind-mgmt", management.ContextName);
        Assert.Same(management, clusters.Get("kind-mgmt"));
        Assert.Equal("shop", clusters.Default.DefaultNamespace);
        Assert.Equal(4, clusters.Names.Count);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var config = KubeConfigLoader.LoadFromString(TwoClusters, Path.GetTempPath());
        using var clusters = ClusterConnections.FromKubeConfig(config);

        var error = Assert.Throws<KubeConfigException>(() => clusters.Get("prod"));

        Assert.Equal("cluster \"prod\" is not configured (known: kind-mgmt, kind-workload)", error.Message);
    }

    [Fact]
    public void FromKubeConfig_AliasToUnknownContext_Throws()
    {
        var config = KubeConfigLoader.LoadFromString(TwoClusters, Path.GetTempPath());

        var error = Assert.Throws<KubeConfigException>(
            () => ClusterConnections.FromKubeConfig(config, aliases: new Dictionary<string, string> { ["management"] = "nope" }));

        Assert.Contains("cluster alias \"management\" points to context \"nope\"", error.Message);
    }

    [Fact]
    public void AddKubernetesClient_ExplicitKubeconfig_ResolvesRegistryAndDefaultClient()
    {
        using var dir = new TempDirectory();
        var path = dir.File("config", TwoClusters);
        var services = new ServiceCollection().AddKubernetesClient(o =>
        {
            o.KubeconfigPath = path;
            o.Context = "kind-mgmt";
            o.Aliases["workload"] = "kind-workload";
        });
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<IClusterRegistry>();
        var client = provider.GetRequiredService<IKubernetesClient>();

        Assert.Equal("https://127.0.0.1:7002", client.Server);
        Assert.Equal("https://127.0.0.1:7001", registry.Get("workload").Server);
    }
}
