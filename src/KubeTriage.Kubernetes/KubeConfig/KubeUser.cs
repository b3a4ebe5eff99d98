namespace KubeTriage.Kubernetes.KubeConfig;

/// <summary>Describes a kubeconfig user (AuthInfo) entry; file paths are already absolute.</summary>
public sealed record KubeUser
{
    /// <summary>Gets the entry name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kubeconfig file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Gets the static bearer token.</summary>
    public string? Token { get; init; }

    /// <summary>Gets the absolute path of a file holding the bearer token.</summary>
    public string? TokenFile { get; init; }

    /// <summary>Gets the absolute path of the PEM client certificate.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary>Gets the decoded client-certificate-data (PEM bytes).</summary>
    public byte[]? ClientCertificateData { get; init; }

    /// <summary>Gets the absolute path of the PEM client key.</summary>
    public string? ClientKey { get; init; }

    /// <summary>Gets the decoded client-key-data (PEM bytes).</summary>
    public byte[]? ClientKeyData { get; init; }

    /// <summary>Gets the basic-auth user name.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the basic-auth password.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the exec credential plugin configuration.</summary>
    public ExecConfig? Exec { get; init; }

    /// <summary>Gets the name of a legacy auth-provider, which this client does not support.</summary>
    public string? AuthProviderName { get; init; }
}
