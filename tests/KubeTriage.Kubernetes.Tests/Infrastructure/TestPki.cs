using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>Generates, once per run, a test CA with server and client certificates (PEM exports for kubeconfigs).</summary>
internal sealed class TestPki
{
    private static readonly Lazy<TestPki> _instance = new(() => new TestPki());
    private readonly ECDsa _caKey;

    private TestPki()
    {
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caKey = _caKey;
        var caRequest = new CertificateRequest("CN=kubetriage-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        OtherCa = CreateOtherCa();
        Server = Issue("CN=kube-apiserver", ServerExtensions(ip: true, dns: "localhost"));
        NamedServer = Issue("CN=kube-apiserver", ServerExtensions(ip: false, dns: "kube.test"));
        EcClient = IssueEcClient("CN=ec-user,O=system:masters");
        RsaClient = IssueRsaClient("CN=rsa-user");
    }

    public static TestPki Instance => _instance.Value;

    public X509Certificate2 Ca { get; }

    public X509Certificate2 OtherCa { get; }

    /// <summary>Gets a server certificate valid for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Gets a server certificate valid only for the name kube.test.</summary>
    public X509Certificate2 NamedServer { get; }

    public (X509Certificate2 Certificate, string CertPem, string KeyPem) EcClient { get; }

    public (X509Certificate2 Certificate, string CertPem, string KeyPem) RsaClient { get; }

    public string CaPem => Ca.ExportCertificatePem();

    public static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));

    private static X509Certificate2 CreateOtherCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=unrelated-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static IEnumerable<X509Extension> ServerExtensions(bool ip, string dns)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dns);
        if (ip)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }

        yield return san.Build();
        yield return new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false);
        yield return new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true);
    }

    private X509Certificate2 Issue(string subject, IEnumerable<X509Extension> extensions)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        foreach (var extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));

        // Re-import through PKCS#12 so Kestrel's SslStream gets a certificate with a persisted key handle.
        var pfx = issued.CopyWithPrivateKey(key).Export(X509ContentType.Pfx, "test");
        return X509CertificateLoader.LoadPkcs12(pfx, "test");
    }

    private (X509Certificate2, string, string) IssueEcClient(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var cert = request.Create(Ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        return (cert, cert.ExportCertificatePem(), key.ExportECPrivateKeyPem());
    }

    private (X509Certificate2, string, string) IssueRsaClient(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var cert = request.Create(
            Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));

        // PKCS#1 "RSA PRIVATE KEY", the form kubeadm and kind write.
        return (cert, cert.ExportCertificatePem(), key.ExportRSAPrivateKeyPem());
    }
}
