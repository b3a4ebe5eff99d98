using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeTriage.Core.Analyzers.Certificates;

/// <summary>Reads the first certificate of a base64-encoded PEM bundle, as kept in Secrets and webhook caBundles.</summary>
internal static class CertificateReader
{
    public static X509Certificate2? FromBase64Pem(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            var pem = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
            if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != "CERTIFICATE")
            {
                return null;
            }

            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data]));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
