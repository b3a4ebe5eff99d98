using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeTriage.Kubernetes.Auth;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Builds the HttpClient of one cluster: retry, then authentication, then the TLS/proxy transport.</summary>
internal static class KubeHttpClientFactory
{
    public static HttpClient Create(RestConfig config, KubernetesClientOptions options)
    {
        var server = ParseServer(config);
        var validator = new ServerCertificateValidator(LoadRoots(config), config.InsecureSkipTlsVerify, config.TlsServerName);
        var transport = new ClusterTransportHandler(config, validator);
        var auth = new AuthenticationHandler(CredentialSourceFactory.Create(config, options)) { InnerHandler = transport };
        var retry = new RetryHandler(options) { InnerHandler = auth };
        var client = new HttpClient(retry, disposeHandler: true)
        {
            BaseAddress = server,

            // Timeouts are per call in KubernetesClient, because watches must be able to stay open.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    internal static Uri ParseServer(RestConfig config)
    {
        if (!Uri.TryCreate(config.Server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"invalid server \"{config.Server}\" ({config.Source ?? "configuration"})");
        }

        // Keep any path prefix (e.g. a proxy in front of the apiserver) by making it a directory.
        var text = uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/";
        return new Uri(text);
    }

    private static X509Certificate2Collection? LoadRoots(RestConfig config)
    {
        if (config.CertificateAuthorityData is not { Length: > 0 } data)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(Encoding.UTF8.GetString(data));
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"certificate authority of {config.Source ?? "the cluster"} is not valid PEM: {ex.Message}", ex);
        }

        return roots.Count > 0
            ? roots
            : throw new KubeConfigException($"certificate authority of {config.Source ?? "the cluster"} contains no PEM certificate");
    }
}
