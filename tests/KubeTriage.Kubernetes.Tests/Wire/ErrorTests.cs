using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Wire;

public sealed class ErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFoundWithDetails()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("02-pod-get-missing.json"));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(ResourceTypes.Pods, "shop", "does-not-exist", Ct));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NotFound", error.Reason);
        Assert.Equal("does-not-exist", error.Status.Details!.Name);
        Assert.Equal("pods", error.Status.Details.Kind);
        Assert.Equal("server error (NotFound): pods \"does-not-exist\" not found", error.Message);
    }

    [Fact]
    public async Task ListAsync_ViewerInOtherNamespace_ThrowsForbidden()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods", TestServer.Replay(WireFixtures.Load("08-viewer-pods-shop-forbidden.json")));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync(ResourceTypes.Pods, "shop", cancellationToken: Ct));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Forbidden", error.Reason);
        Assert.Null(error.Status.Details!.Name);
        Assert.Contains("User \"viewer\" cannot list resource \"pods\"", error.Message);
    }

    [Fact]
    public async Task ListAsync_BadToken_ThrowsUnauthorizedWithoutDetails()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods", TestServer.Replay(WireFixtures.Load("08-bad-token-unauthorized.json")));
        using var client = server.CreateClient(token: "made-up");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync(ResourceTypes.Pods, "shop", cancellationToken: Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", error.Reason);
        Assert.Null(error.Status.Details);
        Assert.Single(server.Requests);
        Assert.Equal("Bearer made-up", server.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("02-pods-invalid-labelselector.json")]
    [InlineData("02-pods-unsupported-fieldselector.json")]
    public async Task ListAsync_BadSelector_ThrowsBadRequest(string fixture)
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods", TestServer.Replay(WireFixtures.Load(fixture)));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.ListAsync(ResourceTypes.Pods, "shop", new ListOptions { LabelSelector = "app in (checkout" }, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadRequest", error.Reason);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task CreateAsync_AlreadyExists_ThrowsConflict()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-configmap-create-conflict.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.CreateAsync(ResourceTypes.ConfigMaps, "shop", exchange.RequestBody!.AsObject(), cancellationToken: Ct));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("AlreadyExists", error.Reason);
        Assert.Equal("configmaps", error.Status.Details!.Kind);
    }

    [Fact]
    public async Task CreateAsync_InvalidObject_ThrowsWithFieldCauses()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-configmap-create-invalid.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.CreateAsync(ResourceTypes.ConfigMaps, "shop", exchange.RequestBody!.AsObject(), cancellationToken: Ct));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal(new[] { "metadata.name", "metadata.labels", "data[bad key]" }, error.Status.Details!.Causes.Select(c => c.Field));
        Assert.All(error.Status.Details.Causes, c => Assert.Equal("FieldValueInvalid", c.Reason));
    }

    [Fact]
    public async Task PatchAsync_FailedJsonPatchTest_ThrowsGenericInvalid()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-deployment-patch-json-test-failed.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.PatchAsync(ResourceTypes.Deployments, "shop", "checkout", PatchType.Json, exchange.RequestBody!.ToJsonString(), cancellationToken: Ct));

        Assert.Equal(422, error.StatusCode);
        Assert.Empty(error.Status.Details!.Causes);
    }

    [Fact]
    public async Task PatchAsync_ApplyConflict_ThrowsWithFieldManagerConflictCause()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-deployment-apply-conflict.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.PatchAsync(ResourceTypes.Deployments, "shop", "checkout", PatchType.Apply, exchange.RequestBody!.GetValue<string>(), cancellationToken: Ct));

        Assert.Equal("Conflict", error.Reason);
        var cause = Assert.Single(error.Status.Details!.Causes);
        Assert.Equal("FieldManagerConflict", cause.Reason);
        Assert.Equal(".spec.replicas", cause.Field);
    }

    [Fact]
    public async Task ReplaceScaleAsync_StaleResourceVersion_ThrowsConflict()
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load("07-scale-put-stale-rv.json");
        server.Map(exchange);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.ReplaceScaleAsync(ResourceTypes.Deployments, "shop", "checkout", exchange.RequestBody!.AsObject(), cancellationToken: Ct));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("apps", error.Status.Details!.Group);
        Assert.Contains("the object has been modified", error.Message);
    }

    [Fact]
    public async Task DeleteAsync_Missing_ThrowsNotFound()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("07-delete-missing.json"));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.DeleteAsync(ResourceTypes.ConfigMaps, "shop", "does-not-exist", cancellationToken: Ct));

        Assert.Equal(404, error.StatusCode);
    }

    [Theory]
    [InlineData("05-pod-log.json", null, false, null)]
    [InlineData("05-pod-log-previous-tail.json", "app", true, 10)]
    public async Task GetLogsAsync_NoKubelet_Throws500WithoutReasonAndDoesNotRetry(string fixture, string? container, bool previous, int? tail)
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load(fixture));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(
            () => client.GetLogsAsync("shop", "checkout-6d4b9c7f5d-q9w4z", container, previous, tail, cancellationToken: Ct));

        Assert.Equal(500, error.StatusCode);
        Assert.Null(error.Reason);
        Assert.Equal("server error (HTTP 500): no preferred addresses found; known addresses: []", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetAsync_NonStatusErrorBody_SynthesizesStatusFromFirstLine()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/api/v1/namespaces/shop/pods/x", TestServer.Text(502, "<html>bad gateway</html>\n<body/>", "text/html"));
        using var client = server.CreateClient(TestServer.FastOptions with { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(ResourceTypes.Pods, "shop", "x", Ct));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal("<html>bad gateway</html>", error.Status.Message);
    }

    [Fact]
    public void KubeStatus_TryParse_NonStatusObject_ReturnsNull()
    {
        Assert.Null(KubeStatus.TryParse(JsonNode.Parse("""{"kind":"Pod"}""")!.AsObject()));
    }
}
