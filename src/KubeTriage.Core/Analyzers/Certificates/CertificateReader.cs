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
            return pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal) ? X509Certificate2.CreateFromPem(pem) : null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
