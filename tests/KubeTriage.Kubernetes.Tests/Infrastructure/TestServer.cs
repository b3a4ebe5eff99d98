using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>A Kestrel server on 127.0.0.1 (random port) that records every request and answers from a route table.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Route> _routes = [];
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private TestServer(WebApplication app, string scheme)
    {
        _app = app;
        _app.Run(HandleAsync);
        Scheme = scheme;
    }

    public string Scheme { get; }

    /// <summary>Gets or sets the responder for requests no route matches (404 Status when null).</summary>
    public Func<HttpContext, Task>? Fallback { get; set; }

    public string BaseAddress { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    public static Task<TestServer> StartHttpAsync() => StartAsync(null);

    public static Task<TestServer> StartHttpsAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        StartAsync(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,

            // Record whatever the client presents; trust decisions are not what these tests check.
            ClientCertificateValidation = (_, _, _) => true,
        });

    /// <summary>Answers requests matching method, path and (when given) decoded query with the responders in turn; the last repeats.</summary>
    public TestServer Map(string method, string pathAndQuery, params Func<HttpContext, Task>[] responders)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var query = q < 0 ? null : pathAndQuery[q..];
        lock (_routes)
        {
            _routes.Add(new Route(method, path, query, new Queue<Func<HttpContext, Task>>(responders)));
        }

        return this;
    }

    /// <summary>Answers the fixture's own recorded request with its recorded response.</summary>
    public TestServer Map(RecordedExchange exchange) => Map(exchange.Method, exchange.PathAndQuery, Replay(exchange));

    /// <summary>Answers any query on a path (used for requests whose exact query the test does not pin).</summary>
    public TestServer MapAnyQuery(string method, string path, params Func<HttpContext, Task>[] responders) =>
        Map(method, path + "?*", responders);

    public static Func<HttpContext, Task> Replay(RecordedExchange exchange) => async ctx =>
    {
        ctx.Response.StatusCode = exchange.Status;
        ctx.Response.ContentType = exchange.ContentType;
        await ctx.Response.Body.WriteAsync(exchange.Body);
    };

    public static Func<HttpContext, Task> Text(int status, string body, string contentType = "application/json") => async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body);
    };

    public RestConfig RestConfig(string? token = null) => new() { Server = BaseAddress, BearerToken = token, Namespace = "shop" };

    public KubernetesClient CreateClient(KubernetesClientOptions? options = null, string? token = null) =>
        new(RestConfig(token), options ?? FastOptions);

    public static KubernetesClientOptions FastOptions { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = TimeSpan.FromSeconds(10),
        StdinIsTerminal = () => false,
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<TestServer> StartAsync(HttpsConnectionAdapterOptions? https)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (https is not null)
            {
                listen.UseHttps(https);
            }
        }));
        var server = new TestServer(builder.Build(), https is null ? "http" : "https");
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var certificate = ctx.Connection.ClientCertificate ?? (Scheme == "https" ? await ctx.Connection.GetClientCertificateAsync() : null);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body, certificate?.Thumbprint));

        var responder = Find(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty) ?? Fallback;
        if (responder is null)
        {
            await Text(404, $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"no route for {{request.Method}} {{request.Path}}{{request.QueryString}}","reason":"NotFound","code":404}""")(ctx);
            return;
        }

        await responder(ctx);
    }

    private Func<HttpContext, Task>? Find(string method, string path, string query)
    {
        lock (_routes)
        {
            var route = _routes.FirstOrDefault(r => r.Method == method && r.Path == path && (r.Query is null ? query.Length == 0 : r.Query == "?*" || QueryMatching.Same(r.Query, query)));
            if (route is null)
            {
                return null;
            }

            return route.Responders.Count > 1 ? route.Responders.Dequeue() : route.Responders.Peek();
        }
    }

    private sealed record Route(string Method, string Path, string? Query, Queue<Func<HttpContext, Task>> Responders);
}
