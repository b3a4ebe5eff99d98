using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Sends requests over a SocketsHttpHandler built for the cluster's TLS and proxy settings, one per client certificate.</summary>
/// <remarks>
/// A TLS client certificate is fixed per connection, so when an exec plugin rotates the certificate a new connection
/// pool is needed (client-go closes its connections for the same reason).
/// </remarks>
internal sealed class ClusterTransportHandler(RestConfig config, ServerCertificateValidator validator) : HttpMessageHandler
{
    public static readonly HttpRequestOptionsKey<X509Certificate2?> ClientCertificateKey = new("kubetriage.client-certificate");

    private readonly Lock _gate = new();
    private readonly List<SocketsHttpHandler> _all = [];
    private string? _currentThumbprint;
    private HttpMessageInvoker? _current;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ClientCertificateKey, out var certificate);
        return GetInvoker(certificate).SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _all.ForEach(h => h.Dispose());
                _all.Clear();
            }
        }

        base.Dispose(disposing);
    }

    private HttpMessageInvoker GetInvoker(X509Certificate2? certificate)
    {
        var thumbprint = certificate?.Thumbprint;
        lock (_gate)
        {
            if (_current is not null && thumbprint == _currentThumbprint)
            {
                return _current;
            }

            var handler = CreateHandler(certificate);
            _all.Add(handler);
            _current = new HttpMessageInvoker(handler, disposeHandler: false);
            _currentThumbprint = thumbprint;
            return _current;
        }
    }

    private SocketsHttpHandler CreateHandler(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = config.DisableCompression ? DecompressionMethods.None : DecompressionMethods.GZip,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseCookies = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        if (certificate is not null)
        {
            // A selection callback always offers the certificate; the ClientCertificates list would be filtered by the
            // server's acceptable-issuer list.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        if (!string.IsNullOrEmpty(config.ProxyUrl))
        {
            handler.Proxy = new WebProxy(new Uri(config.ProxyUrl));
            handler.UseProxy = true;
        }

        return handler;
    }
}
