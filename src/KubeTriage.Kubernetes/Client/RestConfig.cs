using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.KubeConfig;

namespace KubeTriage.Kubernetes;

/// <summary>Describes how to connect to one API server: address, TLS and credentials (like client-go's rest.Config).</summary>
public sealed record RestConfig
{
    /// <summary>Gets the API server address as written in the kubeconfig.</summary>
    public required string Server { get; init; }

    /// <summary>Gets the context name, or "in-cluster".</summary>
    public string? ContextName { get; init; }

    /// <summary>Gets the kubeconfig cluster entry name.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Gets the kubeconfig user entry name.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the default namespace of the context.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Gets the trusted CA bundle (PEM); null means the system trust store.</summary>
    public byte[]? CertificateAuthorityData { get; init; }

    /// <summary>Gets whether server certificate verification is disabled.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Gets the name the server certificate must match instead of the URL host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Gets the proxy URL (http, https or socks5).</summary>
    public string? ProxyUrl { get; init; }

    /// <summary>Gets whether gzip responses are refused.</summary>
    public bool DisableCompression { get; init; }

    /// <summary>Gets the static bearer token.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Gets a file holding the bearer token, re-read periodically (service account tokens rotate).</summary>
    public string? BearerTokenFile { get; init; }

    /// <summary>Gets the basic-auth user name.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the basic-auth password.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the PEM client certificate.</summary>
    public byte[]? ClientCertificateData { get; init; }

    /// <summary>Gets the PEM client key (RSA or EC).</summary>
    public byte[]? ClientKeyData { get; init; }

    /// <summary>Gets the exec credential plugin.</summary>
    public ExecConfig? Exec { get; init; }

    /// <summary>Gets the cluster's exec extension, passed to the plugin as spec.cluster.config.</summary>
    public JsonNode? ExecClusterConfig { get; init; }

    /// <summary>Gets a short description of where this came from, used in error messages.</summary>
    public string? Source { get; init; }
}
