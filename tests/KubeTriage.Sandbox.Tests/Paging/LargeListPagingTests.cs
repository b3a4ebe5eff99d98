using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Tests.Paging;

/// Paging a 20,000-object store: every page continues exactly where the last one ended, in etcd key order.
public sealed class LargeListPagingTests(LargeStoreFixture store) : IClassFixture<LargeStoreFixture>
{
    [Fact]
    public async Task List_AllNamespacesInPages_ReturnsEveryObjectOnceInKeyOrder()
    {
        using var http = Client();
        var clock = Stopwatch.StartNew();
        var pages = await ReadPagesAsync(http, "api/v1/events", 500);
        var elapsed = clock.Elapsed;

        var keys = pages.SelectMany(p => p.Items).Select(i => $"{i["metadata"]!["namespace"]}/{i["metadata"]!["name"]}").ToList();
        Assert.Equal(store.EventKeys, keys);
        Assert.Equal(LargeStoreFixture.EventCount / 500, pages.Count);

        // Every page of one list reports the first page's resourceVersion and what is left after it.
        Assert.Single(pages.Select(p => p.ResourceVersion).Distinct());
        var seen = 0;
        foreach (var page in pages)
        {
            seen += page.Items.Count;
            Assert.Equal(page == pages[^1] ? null : LargeStoreFixture.EventCount - seen, page.Remaining);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"start-up with {LargeStoreFixture.EventCount + LargeStoreFixture.PodCount} objects: {store.StartUp.TotalMilliseconds:F0} ms; "
            + $"{LargeStoreFixture.EventCount} events in {pages.Count} pages: {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task List_OneNamespaceWithSelectorInPages_ReturnsEveryMatchOnceInNameOrder()
    {
        using var http = Client();
        foreach (var (ns, expected) in store.WebPods)
        {
            var pages = await ReadPagesAsync(http, $"api/v1/namespaces/{ns}/pods?labelSelector=tier%3Dweb", 70);
            var names = pages.SelectMany(p => p.Items).Select(i => i["metadata"]!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(expected, names);
            Assert.All(pages, p => Assert.Null(p.Remaining));
            Assert.All(pages[..^1], p => Assert.Equal(70, p.Items.Count));
        }
    }

    [Fact]
    public async Task List_ContinueWithinNamespace_StartsAfterTheLastName()
    {
        using var http = Client();
        var expected = store.EventKeys.Where(k => k.StartsWith("team/", StringComparison.Ordinal)).Select(k => k["team/".Length..]).ToList();
        var pages = await ReadPagesAsync(http, "api/v1/namespaces/team/events", 333);
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(i => i["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal(expected.Count - 333, pages[0].Remaining);
    }

    private HttpClient Client()
    {
        var http = new HttpClient(store.Server.CreateHttpHandler()) { BaseAddress = store.Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", store.Server.AdminToken);
        return http;
    }

    private static async Task<List<Page>> ReadPagesAsync(HttpClient http, string path, int limit)
    {
        var pages = new List<Page>();
        string? token = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var url = $"{path}{separator}limit={limit}" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token));
            var body = JsonNode.Parse(await http.GetStringAsync(url, TestContext.Current.CancellationToken))!;
            var metadata = body["metadata"]!;
            token = metadata["continue"]?.GetValue<string>();
            pages.Add(new Page(
                body["items"]!.AsArray().Select(i => i!).ToList(),
                metadata["resourceVersion"]!.GetValue<string>(),
                metadata["remainingItemCount"]?.GetValue<long>()));
        }
        while (token is not null);

        return pages;
    }

    private sealed record Page(List<JsonNode> Items, string ResourceVersion, long? Remaining);
}
