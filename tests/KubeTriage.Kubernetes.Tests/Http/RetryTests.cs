using System.Net;
using System.Net.Sockets;
using KubeTriage.Kubernetes.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KubeTriage.Kubernetes.Tests.Http;

public sealed class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_TooManyRequestsWithRetryAfter_RetriesAndSucceeds()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/version", TooManyRequests, TestServer.Replay(WireFixtures.Load("01-version.json")));
        using var client = server.CreateClient();

        var version = await client.GetVersionAsync(Ct);

        Assert.Equal("1", version.Major);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_ServiceUnavailableEveryTime_GivesUpAfterMaxRetries()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/version", TestServer.Text(503, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"etcd leader changed","reason":"ServiceUnavailable","code":503}"""));
        using var client = server.CreateClient(TestServer.FastOptions with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetVersionAsync(Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CreateAsync_ServiceUnavailable_DoesNotRetryNonIdempotentWrite()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.MapAnyQuery("POST", "/api/v1/namespaces/shop/configmaps", TestServer.Text(503, "{}"));
        server.Map("POST", "/api/v1/namespaces/shop/configmaps", TestServer.Text(503, "{}"));
        using var client = server.CreateClient();

        await Assert.ThrowsAsync<KubernetesApiException>(() => client.CreateAsync(ResourceTypes.ConfigMaps, "shop", new(), cancellationToken: Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetVersionAsync_ConnectionRefused_ThrowsOneLineConnectionError()
    {
        var port = FreePort();
        using var client = new KubernetesClient(new RestConfig { Server = $"https://127.0.0.1:{port}" }, TestServer.FastOptions with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<KubernetesConnectionException>(() => client.GetVersionAsync(Ct));

        Assert.Equal($"cannot reach https://127.0.0.1:{port}: connection refused", error.Message);
    }

    [Fact]
    public async Task GetVersionAsync_ServerHangs_ThrowsTimeout()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map("GET", "/version", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        using var client = server.CreateClient(TestServer.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<KubernetesConnectionException>(() => client.GetVersionAsync(Ct));

        Assert.Contains("timed out after 0.3s", error.Message);
    }

    [Fact]
    public async Task GetVersionAsync_AnyRequest_SendsUserAgentAndAcceptJson()
    {
        await using var server = await TestServer.StartHttpAsync();
        server.Map(WireFixtures.Load("01-version.json"));
        using var client = server.CreateClient();

        await client.GetVersionAsync(Ct);

        var request = server.Requests.Single();
        Assert.Equal("kubetriage/0.1.0", request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    private static Task TooManyRequests(HttpContext ctx)
    {
        ctx.Response.Headers.RetryAfter = "0";
        return TestServer.Text(429, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too many requests","reason":"TooManyRequests","code":429}""")(ctx);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
