using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Selectors;
using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Behaviour;

/// What the sandbox does where the recording legitimately differs (see WireReplayTests' exception table).
public sealed class DocumentedExceptionTests
{
    [Fact]
    public async Task PodLog_PreviousWithTail_ReturnsLastLinesAsText()
    {
        var (status, type, text) = await GetAsync($"api/v1/namespaces/shop/pods/{RecordedCluster.CrashingPod}/log?previous=true&tailLines=1&container=app");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", type);
        Assert.Equal("panic: PAYMENT_GATEWAY_URL unreachable\n", text);
    }

    [Fact]
    public async Task PodLog_UnknownContainer_IsBadRequestStatus()
    {
        var (status, _, text) = await GetAsync($"api/v1/namespaces/shop/pods/{RecordedCluster.CrashingPod}/log?container=sidecar");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"container sidecar is not valid for pod {RecordedCluster.CrashingPod}", JsonNode.Parse(text)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_ContinueTokenOlderThanWindow_ReturnsRecordedExpiredShape()
    {
        var token = ContinueToken.Encode(100, RecordedCluster.RunningPod + "\0");
        var (status, _, text) = await GetAsync($"api/v1/namespaces/shop/pods?limit=1&continue={token}");
        var recorded = WireExchange.Load("02-pods-list-expired-continue");
        Assert.Equal(HttpStatusCode.Gone, status);
        var body = JsonNode.Parse(text);
        Assert.Empty(JsonShape.Differences(recorded.ResponseBody, body));
        Assert.Equal(recorded.ResponseBody!["message"]!.GetValue<string>(), body!["message"]!.GetValue<string>());
        Assert.Equal(ContinueToken.Encode(-1, RecordedCluster.RunningPod + "\0"), body["metadata"]!["continue"]!.GetValue<string>());
    }

    [Fact]
    public void ContinueToken_RecordedPosition_EncodesLikeTheApiserver()
    {
        var recorded = WireExchange.Load("02-pods-list-limit1").ResponseBody!["metadata"]!["continue"]!.GetValue<string>();
        Assert.Equal(recorded, ContinueToken.Encode(217, RecordedCluster.RunningPod + "\0"));
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, string Text)> GetAsync(string path)
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var http = new HttpClient(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RecordedCluster.AdminToken);
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
