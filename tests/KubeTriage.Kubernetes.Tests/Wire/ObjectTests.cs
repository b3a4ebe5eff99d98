using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Wire;

public sealed class ObjectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_RecordedPod_ReturnsCrashLoopState()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("02-pod-get.json"));
        using var client = server.CreateClient();

        var pod = await client.GetAsync(ResourceTypes.Pods, "shop", "checkout-6d4b9c7f5d-q9w4z", Ct);

        var status = pod["status"]!["containerStatuses"]![0]!;
        Assert.Equal("CrashLoopBackOff", status["state"]!["waiting"]!["reason"]!.GetValue<string>());
        Assert.Equal(7, status["restartCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetAsync_CustomResourceStatus_ReturnsWholeObject()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("09-widget-get.json"));
        using var client = server.CreateClient();

        var widget = await client.GetAsync(new ResourceType("example.com", "v1", "widgets", "Widget", true), "shop", "blue-widget", Ct);

        Assert.Equal(1, widget["metadata"]!["generation"]!.GetValue<int>());
        Assert.Equal("Ready", widget["status"]!["conditions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetVersionAsync_RecordedVersion_ParsesFields()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("01-version.json"));
        using var client = server.CreateClient();

        var version = await client.GetVersionAsync(Ct);

        Assert.Equal("v1.25.0-alpha.2+89aaf7c02dd334", version.GitVersion);
        Assert.Equal("25+", version.Minor);
        Assert.Equal("linux/amd64", version.Platform);
    }

    [Fact]
    public async Task CreateAsync_ConfigMap_PostsJsonAndReturnsStoredObject()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-configmap-create.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "shop", exchange.RequestBody!.AsObject(), cancellationToken: Ct);

        var request = server.Requests.Single();
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.True(JsonNode.DeepEquals(exchange.RequestBody, JsonNode.Parse(request.Body)));
        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("07-deployment-patch-merge-dryrun.json", PatchType.Merge, true)]
    [InlineData("07-deployment-patch-merge.json", PatchType.Merge, false)]
    [InlineData("07-deployment-patch-strategic-dryrun.json", PatchType.StrategicMerge, true)]
    [InlineData("07-deployment-patch-strategic.json", PatchType.StrategicMerge, false)]
    [InlineData("07-deployment-patch-json-dryrun.json", PatchType.Json, true)]
    [InlineData("07-deployment-patch-json.json", PatchType.Json, false)]
    public async Task PatchAsync_RecordedPatch_SendsRecordedContentTypeAndQuery(string fixture, PatchType type, bool dryRun)
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load(fixture);
        server.Map(exchange);
        using var client = server.CreateClient();

        var patched = await client.PatchAsync(
            ResourceTypes.Deployments, "shop", "checkout", type, exchange.RequestBody!.ToJsonString(), new PatchOptions { DryRun = dryRun }, Ct);

        var request = server.Requests.Single();
        Assert.Equal(exchange.RequestContentType, request.Header("Content-Type")!.Split(';')[0]);
        Assert.Equal(200, exchange.Status);
        Assert.Equal(exchange.ResponseJson!["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAsync_ServerSideApply_SendsYamlWithFieldManager()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-deployment-apply.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var applied = await client.PatchAsync(
            ResourceTypes.Deployments, "shop", "checkout", PatchType.Apply, exchange.RequestBody!.GetValue<string>(), cancellationToken: Ct);

        var request = server.Requests.Single();
        Assert.Equal("application/apply-patch+yaml", request.Header("Content-Type")!.Split(';')[0]);
        Assert.Equal("kubetriage", request.QueryParameters["fieldManager"]);
        Assert.Equal(exchange.RequestBody!.GetValue<string>(), request.Body);
        Assert.Equal(5, applied["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task PatchAsync_ApplyWithForce_SendsForceFlag()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("PATCH", "/apis/apps/v1/namespaces/shop/deployments/checkout", TestServer.Replay(WireFixtures.Load("07-deployment-apply.json")));
        using var client = server.CreateClient();

        await client.PatchAsync(
            ResourceTypes.Deployments, "shop", "checkout", PatchType.Apply, "{}", new PatchOptions { Force = true, FieldManager = "triage" }, Ct);

        var query = server.Requests.Single().QueryParameters;
        Assert.Equal("true", query["force"]);
        Assert.Equal("triage", query["fieldManager"]);
    }

    [Fact]
    public async Task ReplaceAsync_Object_PutsToNamedPath()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("PUT", "/api/v1/namespaces/shop/configmaps/checkout-feature-flags", TestServer.Replay(WireFixtures.Load("07-configmap-create.json")));
        using var client = server.CreateClient();
        var body = WireFixtures.Load("07-configmap-create.json").ResponseJson!.AsObject();

        var replaced = await client.ReplaceAsync(ResourceTypes.ConfigMaps, "shop", body, cancellationToken: Ct);

        Assert.Equal("PUT", server.Requests.Single().Method);
        Assert.Equal("ConfigMap", replaced["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteAsync_GracefulPod_ReturnsObject()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("07-pod-delete.json"));
        using var client = server.CreateClient();

        var result = await client.DeleteAsync(ResourceTypes.Pods, "shop", "checkout-6d4b9c7f5d-q9w4z", cancellationToken: Ct);

        Assert.True(result.ReturnedObject);
        Assert.Null(result.Status);
        Assert.Equal(30, result.Object!["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteAsync_DryRun_SendsDryRunAll()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("07-pod-delete-dryrun.json"));
        using var client = server.CreateClient();

        var result = await client.DeleteAsync(ResourceTypes.Pods, "shop", "checkout-6d4b9c7f5d-q9w4z", new DeleteOptions { DryRun = true }, Ct);

        Assert.Equal("All", server.Requests.Single().QueryParameters["dryRun"]);
        Assert.Equal("218", result.Object!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteAsync_ConfigMap_ReturnsSuccessStatus()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("07-configmap-delete.json"));
        using var client = server.CreateClient();

        var result = await client.DeleteAsync(ResourceTypes.ConfigMaps, "shop", "checkout-feature-flags", cancellationToken: Ct);

        Assert.False(result.ReturnedObject);
        Assert.Equal("Success", result.Status!.Status);
        Assert.Equal("configmaps", result.Status.Details!.Kind);
        Assert.Equal("checkout-feature-flags", result.Status.Details.Name);
    }

    [Fact]
    public async Task DeleteAsync_GraceAndPropagation_SendsQueryParameters()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("DELETE", "/apis/apps/v1/namespaces/shop/deployments/checkout", TestServer.Replay(WireFixtures.Load("07-configmap-delete.json")));
        using var client = server.CreateClient();

        await client.DeleteAsync(
            ResourceTypes.Deployments, "shop", "checkout", new DeleteOptions { GracePeriodSeconds = 0, PropagationPolicy = PropagationPolicy.Foreground }, Ct);

        var query = server.Requests.Single().QueryParameters;
        Assert.Equal("0", query["gracePeriodSeconds"]);
        Assert.Equal("Foreground", query["propagationPolicy"]);
    }

    [Fact]
    public async Task GetScaleAsync_Deployment_ReturnsAutoscalingScale()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("07-scale-get.json"));
        using var client = server.CreateClient();

        var scale = await client.GetScaleAsync(ResourceTypes.Deployments, "shop", "checkout", Ct);

        Assert.Equal("autoscaling/v1", scale["apiVersion"]!.GetValue<string>());
        Assert.Equal("app=checkout", scale["status"]!["selector"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceScaleAsync_NewReplicas_PutsScaleAndReturnsUpdate()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-scale-put.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var scale = await client.ReplaceScaleAsync(ResourceTypes.Deployments, "shop", "checkout", exchange.RequestBody!.AsObject(), cancellationToken: Ct);

        Assert.Equal("227", scale["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(4, JsonNode.Parse(server.Requests.Single().Body)!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetLogsAsync_Options_SendsQueryAndReturnsText()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods/checkout-6d4b9c7f5d-q9w4z/log", TestServer.Text(200, "line 1\nline 2\n", "text/plain"));
        using var client = server.CreateClient();

        var text = await client.GetLogsAsync("shop", "checkout-6d4b9c7f5d-q9w4z", "app", previous: true, tailLines: 10, sinceSeconds: 60, cancellationToken: Ct);

        Assert.Equal("line 1\nline 2\n", text);
        var request = server.Requests.Single();
        Assert.Equal("*/*", request.Header("Accept"));
        Assert.Equal(
            new Dictionary<string, string> { ["container"] = "app", ["previous"] = "true", ["tailLines"] = "10", ["sinceSeconds"] = "60" },
            request.QueryParameters);
    }
}
