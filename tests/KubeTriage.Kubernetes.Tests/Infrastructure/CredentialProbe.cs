using Microsoft.AspNetCore.Http;

namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>An HTTPS API-server stand-in on 127.0.0.1 that records credentials and answers /version (or 401 when told to).</summary>
internal sealed class CredentialProbe : IAsyncDisposable
{
    private readonly TestServer _server;

    private CredentialProbe(TestServer server) => _server = server;

    public string Server => _server.BaseAddress;

    public Func<string?, bool> Authorize { get; set; } = _ => true;

    public IReadOnlyList<ReceivedRequest> Requests => _server.Requests;

    public IReadOnlyList<ReceivedRequest> FromKubectl => Requests.Where(r => r.Header("User-Agent")?.StartsWith("kubectl/", StringComparison.Ordinal) == true).ToList();

    public IReadOnlyList<ReceivedRequest> FromUs => Requests.Where(r => r.Header("User-Agent")?.StartsWith("kubetriage/", StringComparison.Ordinal) == true).ToList();

    public static async Task<CredentialProbe> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var server = await TestServer.StartHttpsAsync(certificate ?? TestPki.Instance.Server);
        var probe = new CredentialProbe(server);
        var version = TestServer.Replay(WireFixtures.Load("01-version.json"));
        var unauthorized = TestServer.Replay(WireFixtures.Load("08-bad-token-unauthorized.json"));
        server.Fallback = ctx => probe.Authorize(ctx.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null)
            ? version(ctx)
            : unauthorized(ctx);
        return probe;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
