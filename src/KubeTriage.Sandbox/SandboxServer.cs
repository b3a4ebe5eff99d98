using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeTriage.Sandbox.Auth;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Handlers;
using KubeTriage.Sandbox.Logs;
using KubeTriage.Sandbox.Storage;
using KubeTriage.Sandbox.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Sandbox;

/// <summary>
/// A fake kube-apiserver on 127.0.0.1 serving an in-memory set of objects over HTTPS (a self-signed certificate,
/// because kubectl sends bearer tokens only over TLS), faithful enough for the KubeTriage REST client and kubectl.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly IReadOnlyList<SandboxUser> _users;
    private readonly X509Certificate2 _certificate;
    private bool _stopped;

    private SandboxServer(WebApplication app, CancellationTokenSource stopping, IReadOnlyList<SandboxUser> users, Uri baseAddress, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
        CertificateAuthorityPem = SelfSignedCertificate.ToPem(certificate);
        _stopping = stopping;
        _users = users;
        BaseAddress = baseAddress;
        AdminToken = (users.FirstOrDefault(u => u.Groups.Contains(SandboxUser.MastersGroup)) ?? users[0]).Token;
    }

    /// <summary>Where the server listens, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token of the first <c>system:masters</c> user.</summary>
    public string AdminToken { get; }

    /// <summary>PEM of the self-signed serving certificate; trust it as the cluster CA.</summary>
    public string CertificateAuthorityPem { get; }

    /// <summary>An HTTP handler that trusts exactly the sandbox's certificate, for HttpClient-based clients.</summary>
    public HttpMessageHandler CreateHttpHandler()
    {
        var expected = _certificate.RawData;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected),
            },
        };
    }

    /// <summary>Seeds the store and starts listening.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var users = options.Users is { Count: > 0 } given ? given : [SandboxUser.Admin("admin", RandomToken())];
        var store = new ObjectStore(options.Clock ?? TimeProvider.System);
        var catalog = new ResourceCatalog(store);
        Seeder.Load(store, catalog, options.Objects);
        var stopping = new CancellationTokenSource();
        var router = new Router(new SandboxContext(store, catalog, new LogStore(options.Logs), new Authenticator(users), stopping.Token, options.SimulateControllers));

        var certificate = SelfSignedCertificate.Create(options.Clock ?? TimeProvider.System);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, stopping, users, new Uri(address.TrimEnd('/') + "/"), certificate);
    }

    /// <summary>
    /// Writes a kubeconfig kubectl accepts (cluster "sandbox", the user's token, context "sandbox" as current-context)
    /// for <paramref name="user"/> (a user name; null means the admin) and returns the path.
    /// </summary>
    public string WriteKubeconfig(string path, string? user = null)
    {
        var account = user is null
            ? _users.First(u => u.Token == AdminToken)
            : _users.FirstOrDefault(u => u.Name == user) ?? throw new ArgumentException($"no sandbox user named {user}", nameof(user));
        var server = BaseAddress.ToString().TrimEnd('/');
        var text = new StringBuilder()
            .Append("apiVersion: v1\n")
            .Append("kind: Config\n")
            .Append("clusters:\n")
            .Append("- name: sandbox\n")
            .Append("  cluster:\n")
            .Append($"    server: {Quote(server)}\n")
            .Append($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(CertificateAuthorityPem))}\n")
            .Append("users:\n")
            .Append($"- name: {Quote(account.Name)}\n")
            .Append("  user:\n")
            .Append($"    token: {Quote(account.Token)}\n")
            .Append("contexts:\n")
            .Append("- name: sandbox\n")
            .Append("  context:\n")
            .Append("    cluster: sandbox\n")
            .Append($"    user: {Quote(account.Name)}\n")
            .Append("current-context: sandbox\n")
            .Append("preferences: {}\n")
            .ToString();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Ends open watches and stops listening.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        _certificate.Dispose();
    }

    private static string RandomToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    // Double-quoted YAML scalars accept JSON string escapes.
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
