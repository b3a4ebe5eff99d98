using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeTriage.Kubernetes.Auth;

/// <summary>Chooses the credential source for a config: exec, then token, then token file, then basic auth.</summary>
internal static class CredentialSourceFactory
{
    public static ICredentialSource Create(RestConfig config, KubernetesClientOptions options)
    {
        var certificate = LoadClientCertificate(config);
        if (config.Exec is { } exec)
        {
            return new ExecCredentialSource(config, exec, certificate, options.TimeProvider, options.StdinIsTerminal);
        }

        if (!string.IsNullOrEmpty(config.BearerToken))
        {
            return new StaticCredentialSource(new Credential(Credential.Bearer(config.BearerToken), certificate, null));
        }

        if (!string.IsNullOrEmpty(config.BearerTokenFile))
        {
            return new TokenFileCredentialSource(config.BearerTokenFile, certificate, options.TokenFileRefreshInterval, options.TimeProvider);
        }

        var basic = !string.IsNullOrEmpty(config.Username) ? Credential.Basic(config.Username, config.Password ?? string.Empty) : null;
        return new StaticCredentialSource(new Credential(basic, certificate, null));
    }

    private static X509Certificate2? LoadClientCertificate(RestConfig config)
    {
        if (config.ClientCertificateData is null || config.ClientKeyData is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(
                Encoding.UTF8.GetString(config.ClientCertificateData),
                Encoding.UTF8.GetString(config.ClientKeyData));
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException(
                $"client certificate/key of user \"{config.UserName}\" ({config.Source}) cannot be loaded: {ex.Message}", ex);
        }
    }
}
