using KubeTriage.Kubernetes.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Kubernetes.Tests.Wire;

public sealed class DiscoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoverAsync_RecordedServer_MapsBuiltInKinds()
    {
        await using var server = await StartDiscoveryServerAsync();
        using var client = server.CreateClient();

        var catalog = await client.DiscoverAsync(Ct);

        var deployments = catalog.FindByKind("Deployment")!;
        Assert.Equal(new ResourceType("apps", "v1", "deployments", "Deployment", true), deployments.Type);
        Assert.Contains("deploy", deployments.ShortNames);
        Assert.True(deployments.Supports("patch"));
        var scale = deployments.FindSubresource("scale")!;
        Assert.Equal(("autoscaling", "v1", "Scale"), (scale.Group, scale.Version, scale.Kind));
        Assert.False(catalog.FindByPlural("nodes")!.Type.Namespaced);
        Assert.Equal("pod", catalog.FindByShortName("po")!.SingularName);
        Assert.Contains(catalog.FindByKind("Pod")!.Subresources, s => s.Name == "log");
    }

    [Fact]
    public async Task DiscoverAsync_CustomResourceDefinition_ResolvesByShortNameAndQualifiedName()
    {
        await using var server = await StartDiscoveryServerAsync();
        using var client = server.CreateClient();

        var catalog = await client.DiscoverAsync(Ct);

        var widget = catalog.FindByShortName("wg")!;
        Assert.Equal(new ResourceType("example.com", "v1", "widgets", "Widget", true), widget.Type);
        Assert.Equal("widget", widget.SingularName);
        Assert.Equal(widget, catalog.Resolve("widgets.example.com"));
        Assert.Equal(widget, catalog.Resolve("widget"));
        Assert.Equal(new[] { "get", "patch", "update" }, widget.FindSubresource("status")!.Verbs);
    }

    [Fact]
    public async Task DiscoverAsync_KindInTwoGroups_PrefersCoreGroup()
    {
        await using var server = await StartDiscoveryServerAsync();
        using var client = server.CreateClient();

        var catalog = await client.DiscoverAsync(Ct);

        Assert.Equal(string.Empty, catalog.FindByKind("Event")!.Type.Group);
        Assert.Equal("events.k8s.io", catalog.FindByKind("Event", "events.k8s.io")!.Type.Group);
        Assert.Equal("events.k8s.io", catalog.Resolve("events.events.k8s.io")!.Type.Group);
        Assert.Equal("deployments", catalog.Resolve("deploy")!.Type.Plural);
    }

    [Fact]
    public async Task DiscoverAsync_FailingGroup_KeepsOtherGroupsAndWarns()
    {
        await using var server = await StartDiscoveryServerAsync();
        server.Map("GET", "/apis/apiregistration.k8s.io/v1", TestServer.Text(503, "service unavailable", "text/plain"));
        using var client = server.CreateClient(TestServer.FastOptions with { MaxRetries = 0 });

        var catalog = await client.DiscoverAsync(Ct);

        var warning = Assert.Single(catalog.Warnings);
        Assert.Contains("apiregistration.k8s.io/v1", warning);
        Assert.NotNull(catalog.FindByKind("Widget"));
    }

    [Fact]
    public async Task DiscoverAsync_FetchesEachPreferredVersionOnce()
    {
        await using var server = await StartDiscoveryServerAsync();
        using var client = server.CreateClient();

        await client.DiscoverAsync(Ct);

        var paths = server.Requests.Select(r => r.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.Contains("/apis/autoscaling/v2", paths);
        Assert.Contains("/apis/flowcontrol.apiserver.k8s.io/v1beta2", paths);
        Assert.Equal(23, paths.Count);
    }

    private static async Task<TestServer> StartDiscoveryServerAsync()
    {
        var server = await TestServer.StartHttpAsync();
        foreach (var fixture in new[] { "01-api.json", "01-api-v1.json", "01-apis.json", "01-apis-apps-v1.json", "01-apis-example.com-v1.json" })
        {
            server.Map(WireFixtures.Load(fixture));
        }

        server.Map("GET", "/apis/events.k8s.io/v1", TestServer.Text(200, """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"events.k8s.io/v1","resources":[{"name":"events","singularName":"","namespaced":true,"kind":"Event","verbs":["get","list","watch"],"shortNames":["ev"]}]}
            """));

        // Groups that were not recorded answer with an empty resource list.
        server.Fallback = ctx =>
        {
            var groupVersion = (ctx.Request.Path.Value ?? string.Empty)["/apis/".Length..];
            return TestServer.Text(200, $$"""{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"{{groupVersion}}","resources":[]}""")(ctx);
        };
        return server;
    }
}
