using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Behaviour;

/// Watch semantics beyond the recorded streams.
public sealed class WatchTests
{
    [Fact]
    public async Task Watch_LabelSelectorStopsMatching_SendsDeleted()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = new HttpClient(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminToken);
        var ct = TestContext.Current.CancellationToken;
        using var response = await http.GetAsync("api/v1/namespaces/shop/pods?watch=1&labelSelector=app%3Dcheckout&timeoutSeconds=5", HttpCompletionOption.ResponseHeadersRead, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        Assert.Equal("ADDED", Type(await reader.ReadLineAsync(ct)));
        Assert.Equal("ADDED", Type(await reader.ReadLineAsync(ct)));

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"api/v1/namespaces/shop/pods/{RecordedCluster.CrashingPod}")
        {
            Content = new StringContent("""{"metadata":{"labels":{"app":"retired"}}}""", new MediaTypeHeaderValue("application/merge-patch+json")),
        };
        (await http.SendAsync(patch, ct)).EnsureSuccessStatusCode();

        var line = await reader.ReadLineAsync(ct);
        Assert.Equal("DELETED", Type(line));
        Assert.Equal(RecordedCluster.CrashingPod, JsonNode.Parse(line!)!["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_ServerEndsStream()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = new HttpClient(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminToken);
        var started = DateTime.UtcNow;
        var text = await http.GetStringAsync("api/v1/nodes?watch=true&timeoutSeconds=1", TestContext.Current.CancellationToken);
        Assert.Equal("ADDED", Type(text.Split('\n')[0]));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    private static string? Type(string? line) => line is null ? null : JsonNode.Parse(line)!["type"]!.GetValue<string>();
}
