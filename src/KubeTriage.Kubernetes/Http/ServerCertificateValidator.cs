using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeTriage.Kubernetes.Http;

/// <summary>Verifies the API server certificate against the configured CA bundle only, as Go's RootCAs does.</summary>
internal sealed class ServerCertificateValidator(X509Certificate2Collection? roots, bool insecure, string? tlsServerName)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (insecure)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!string.IsNullOrEmpty(tlsServerName))
        {
            // SocketsHttpHandler always checks against the URL host, so tls-server-name is checked here instead.
            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
            if (!presented.MatchesHostname(tlsServerName))
            {
                return false;
            }
        }

        if (roots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (chain is not null)
        {
            // Intermediates the server sent are usable for path building, never as trust anchors.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(presented);
    }
}
