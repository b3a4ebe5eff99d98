using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Wire;

public sealed class ListTests
{
    private static readonly ListOptions _onePerPage = new() { Limit = 1 };

    [Fact]
    public async Task ListAsync_RecordedPodList_FillsKindAndApiVersionFromList()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/api/v1/namespaces/shop/pods?limit=500", TestServer.Replay(WireFixtures.Load("02-pods-list.json")));
        using var client = server.CreateClient();

        var list = await client.ListAsync(ResourceTypes.Pods, "shop", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("217", list.ResourceVersion);
        Assert.Equal("PodList", list.Kind);
        Assert.Equal(2, list.Items.Count);
        Assert.All(list.Items, item => Assert.Equal("Pod", item["kind"]!.GetValue<string>()));
        Assert.All(list.Items, item => Assert.Equal("v1", item["apiVersion"]!.GetValue<string>()));
        Assert.Equal("checkout-6d4b9c7f5d-7xk2p", list.Items[0]["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAsync_Limit1_FollowsContinueTokenUntilLastPage()
    {
        await using var server = await TestServer.StartHttpAsync();
        var first = WireFixtures.Load("02-pods-list-limit1.json");
        var last = WireFixtures.Load("02-pods-list-limit1-continue.json");
        server.Map(first).Map(last);
        using var client = server.CreateClient();

        var list = await client.ListAsync(ResourceTypes.Pods, "shop", _onePerPage, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(new[] { "checkout-6d4b9c7f5d-7xk2p", "checkout-6d4b9c7f5d-q9w4z" }, list.Items.Select(i => i["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal("217", list.ResourceVersion);
        Assert.Equal(first.ResponseJson!["metadata"]!["continue"]!.GetValue<string>(), server.Requests[1].QueryParameters["continue"]);
    }

    [Fact]
    public async Task ListAsync_ContinueExpired_RestartsFromScratchOnce()
    {
        await using var server = await TestServer.StartHttpAsync();
        var first = WireFixtures.Load("02-pods-list-limit1.json");
        var expired = WireFixtures.Load("02-pods-list-expired-continue.json");
        var last = WireFixtures.Load("02-pods-list-limit1-continue.json");
        server.Map(first);
        server.Map(expired.Method, expired.PathAndQuery, TestServer.Replay(expired), TestServer.Replay(last));
        using var client = server.CreateClient();

        var list = await client.ListAsync(ResourceTypes.Pods, "shop", _onePerPage, TestContext.Current.CancellationToken);

        Assert.Equal(2, list.Items.Count);
        Assert.Equal(new[] { "", "continue", "", "continue" }, server.Requests.Select(r => r.QueryParameters.ContainsKey("continue") ? "continue" : ""));
    }

    [Fact]
    public async Task ListAsync_ContinueExpiredTwice_ThrowsResourceExpired()
    {
        await using var server = await TestServer.StartHttpAsync();
        var expired = WireFixtures.Load("02-pods-list-expired-continue.json");
        server.Map(WireFixtures.Load("02-pods-list-limit1.json")).Map(expired);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<ResourceExpiredException>(
            () => client.ListAsync(ResourceTypes.Pods, "shop", _onePerPage, TestContext.Current.CancellationToken));

        Assert.Equal(410, error.StatusCode);
        Assert.Equal("Expired", error.Reason);
        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [InlineData("02-pods-labelselector.json", "app=checkout", null, 2)]
    [InlineData("02-pods-fieldselector-phase.json", null, "status.phase=Running", 2)]
    [InlineData("02-pods-fieldselector-name.json", null, "metadata.name=checkout-6d4b9c7f5d-q9w4z", 1)]
    public async Task ListAsync_Selectors_SendsThemAsQueryParameters(string fixture, string? labels, string? fields, int expected)
    {
        await using var server = await TestServer.StartHttpAsync();
        var exchange = WireFixtures.Load(fixture);
        server.MapAnyQuery("GET", "/api/v1/pods", TestServer.Replay(exchange));
        using var client = server.CreateClient();

        var list = await client.ListAsync(
            ResourceTypes.Pods, null, new ListOptions { LabelSelector = labels, FieldSelector = fields, Limit = 0 }, TestContext.Current.CancellationToken);

        Assert.Equal(expected, list.Items.Count);
        Assert.True(QueryMatching.Same(exchange.PathAndQuery[exchange.PathAndQuery.IndexOf('?')..], server.Requests[0].Query));
    }

    [Fact]
    public async Task ListAsync_AllNamespacesWithoutLimit_UsesClusterWidePath()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("02-pods-all-namespaces.json"));
        using var client = server.CreateClient();

        var list = await client.ListAsync(ResourceTypes.Pods, null, new ListOptions { Limit = 0 }, TestContext.Current.CancellationToken);

        Assert.Equal("/api/v1/pods", server.Requests.Single().PathAndQuery);
        Assert.Equal(2, list.Items.Count);
    }

    [Fact]
    public async Task ListAsync_EmptyList_ReturnsNoItemsAndResourceVersion()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/team-a/pods", TestServer.Replay(WireFixtures.Load("08-viewer-pods-team-a.json")));
        using var client = server.CreateClient();

        var list = await client.ListAsync(ResourceTypes.Pods, "team-a", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(list.Items);
        Assert.NotEmpty(list.ResourceVersion);
    }

    [Fact]
    public async Task ListAsync_CustomResourceListWithEmptyContinue_StopsAfterOnePage()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/apis/example.com/v1/namespaces/shop/widgets", TestServer.Replay(WireFixtures.Load("09-widgets-list.json")));
        using var client = server.CreateClient();
        var widgets = new ResourceType("example.com", "v1", "widgets", "Widget", true);

        var list = await client.ListAsync(widgets, "shop", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(server.Requests);
        var item = Assert.Single(list.Items);
        Assert.Equal("Widget", item["kind"]!.GetValue<string>());
        Assert.Equal("example.com/v1", item["apiVersion"]!.GetValue<string>());
        Assert.Equal("blue", item["spec"]!["color"]!.GetValue<string>());
    }
}
