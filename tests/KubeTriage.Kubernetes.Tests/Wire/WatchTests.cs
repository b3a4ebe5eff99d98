using System.Text;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Wire;

public sealed class WatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchAsync_FromListResourceVersion_YieldsModifiedEvent()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/api/v1/namespaces/shop/pods?watch=true&resourceVersion=217", TestServer.Replay(WireFixtures.Load("06-watch-pods-from-list-rv.json")));
        using var client = server.CreateClient();

        var events = await Collect(client.WatchAsync(ResourceTypes.Pods, "shop", new WatchOptions { ResourceVersion = "217" }, Ct));

        var evt = Assert.Single(events);
        Assert.Equal(WatchEventType.Modified, evt.Type);
        Assert.Equal("218", evt.ResourceVersion);
        Assert.Equal("needed", evt.Object["metadata"]!["labels"]!["triage"]!.GetValue<string>());
    }

    [Fact]
    public async Task WatchAsync_BookmarksWithTimeout_YieldsAddedModifiedBookmarksThenEnds()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/api/v1/namespaces/shop/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=5", TestServer.Replay(WireFixtures.Load("06-watch-pods-bookmarks-timeout5.json")));
        using var client = server.CreateClient();

        var events = await Collect(client.WatchAsync(ResourceTypes.Pods, "shop", new WatchOptions { AllowBookmarks = true, TimeoutSeconds = 5 }, Ct));

        Assert.Equal(
            new[] { WatchEventType.Added, WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Bookmark },
            events.Select(e => e.Type));
        Assert.Equal("219", events[^1].ResourceVersion);
    }

    [Fact]
    public async Task WatchAsync_TooOldResourceVersion_ThrowsResourceExpired()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/api/v1/namespaces/shop/pods?watch=true&resourceVersion=1", TestServer.Replay(WireFixtures.Load("06-watch-pods-too-old-rv.json")));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<ResourceExpiredException>(
            () => Collect(client.WatchAsync(ResourceTypes.Pods, "shop", new WatchOptions { ResourceVersion = "1" }, Ct)));

        Assert.Equal(410, error.StatusCode);
        Assert.Contains("too old resource version: 1 (219)", error.Message);
    }

    [Fact]
    public async Task WatchAsync_OpenStream_YieldsEventsBeforeTheStreamEnds()
    {
        await using var server = await TestServer.StartHttpAsync();
        var release = new TaskCompletionSource();
        var lines = WireFixtures.Load("06-watch-pods-bookmarks.json").Body;
        var firstLine = lines.AsSpan(0, Array.IndexOf(lines, (byte)'\n') + 1).ToArray();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods", async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync(firstLine);
            await ctx.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"type":"DELETED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x"}}}""" + "\n"));
        });
        using var client = server.CreateClient();

        var seen = new List<WatchEventType>();
        await foreach (var evt in client.WatchAsync(ResourceTypes.Pods, "shop", cancellationToken: Ct))
        {
            seen.Add(evt.Type);
            release.TrySetResult();
        }

        Assert.Equal(new[] { WatchEventType.Added, WatchEventType.Deleted }, seen);
    }

    [Fact]
    public async Task WatchAsync_HttpError_ThrowsApiException()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("GET", "/api/v1/namespaces/shop/pods", TestServer.Replay(WireFixtures.Load("08-viewer-pods-shop-forbidden.json")));
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => Collect(client.WatchAsync(ResourceTypes.Pods, "shop", cancellationToken: Ct)));

        Assert.Equal(403, error.StatusCode);
    }

    private static async Task<List<WatchEvent>> Collect(IAsyncEnumerable<WatchEvent> events)
    {
        var result = new List<WatchEvent>();
        await foreach (var evt in events)
        {
            result.Add(evt);
        }

        return result;
    }
}
