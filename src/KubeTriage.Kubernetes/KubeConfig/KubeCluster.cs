using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Describes a kubeconfig cluster entry; file paths are already absolute (resolved against the defining file).</summary>
public sealed record KubeCluster
{
    /// <summary>Gets the entry name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kubeconfig file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Gets the API server address as written, e.g. "https://10.0.0.1:6443".</summary>
    public string? Server { get; init; }

    /// <summary>Gets the absolute path of the CA bundle file.</summary>
    public string? CertificateAuthority { get; init; }

    /// <summary>Gets the decoded certificate-authority-data (PEM bytes).</summary>
    public byte[]? CertificateAuthorityData { get; init; }

    /// <summary>Gets whether server certificate verification is disabled.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Gets the name used to verify the server certificate instead of the URL host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Gets the proxy URL (http, https or socks5).</summary>
    public string? ProxyUrl { get; init; }

    /// <summary>Gets whether response compression is disabled.</summary>
    public bool DisableCompression { get; init; }

    /// <summary>Gets the "client.authentication.k8s.io/exec" extension passed to exec plugins as spec.cluster.config.</summary>
    public JsonNode? ExecExtensionConfig { get; init; }
}
