using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Oracle;

/// <summary>Sends one request with kubectl and one with our client from the same kubeconfig, and compares what the server received.</summary>
public sealed class KubectlCredentialOracleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetVersionAsync_InlineToken_SendsSameBearerAsKubectl()
    {
        var (kubectl, ours) = await CompareAsync((dir, server) => KubeconfigText.Single(server, KubeconfigText.CaData, "token: inline-token"));

        Assert.Equal("Bearer inline-token", ours.Header("Authorization"));
        Assert.Equal(kubectl.Header("Authorization"), ours.Header("Authorization"));
    }

    [Fact]
    public async Task GetVersionAsync_TokenFile_SendsSameBearerAsKubectl()
    {
        var (kubectl, ours) = await CompareAsync((dir, server) =>
        {
            dir.File("cfg/token", "token-from-file\n");
            return KubeconfigText.Single(server, KubeconfigText.CaData, "tokenFile: token");
        });

        Assert.Equal("Bearer token-from-file", ours.Header("Authorization"));
        Assert.Equal(kubectl.Header("Authorization"), ours.Header("Authorization"));
    }

    [Fact]
    public async Task GetVersionAsync_BasicAuth_SendsSameHeaderAsKubectl()
    {
        var (kubectl, ours) = await CompareAsync((dir, server) => KubeconfigText.Single(server, KubeconfigText.CaData, "username: alice\npassword: s3cret"));

        Assert.StartsWith("Basic ", ours.Header("Authorization"));
        Assert.Equal(kubectl.Header("Authorization"), ours.Header("Authorization"));
    }

    [Fact]
    public async Task GetVersionAsync_EcClientCertificateData_PresentsSameCertificateAsKubectl()
    {
        var client = TestPki.Instance.EcClient;
        var (kubectl, ours) = await CompareAsync((dir, server) => KubeconfigText.Single(
            server, KubeconfigText.CaData, $"client-certificate-data: {TestPki.Base64(client.CertPem)}\nclient-key-data: {TestPki.Base64(client.KeyPem)}"));

        Assert.Equal(client.Certificate.Thumbprint, ours.ClientCertificateThumbprint);
        Assert.Equal(kubectl.ClientCertificateThumbprint, ours.ClientCertificateThumbprint);
        Assert.Null(ours.Header("Authorization"));
    }

    [Fact]
    public async Task GetVersionAsync_RsaClientCertificateFilesWithRelativePaths_PresentsSameCertificateAsKubectl()
    {
        var client = TestPki.Instance.RsaClient;
        var (kubectl, ours) = await CompareAsync((dir, server) =>
        {
            dir.File("cfg/pki/ca.crt", TestPki.Instance.CaPem);
            dir.File("cfg/pki/rsa.crt", client.CertPem);
            dir.File("cfg/pki/rsa.key", client.KeyPem);
            return KubeconfigText.Single(server, "certificate-authority: pki/ca.crt", "client-certificate: pki/rsa.crt\nclient-key: pki/rsa.key");
        });

        Assert.Equal(client.Certificate.Thumbprint, ours.ClientCertificateThumbprint);
        Assert.Equal(kubectl.ClientCertificateThumbprint, ours.ClientCertificateThumbprint);
    }

    [Fact]
    public async Task GetVersionAsync_TlsServerNameMatchingCertificate_ConnectsLikeKubectl()
    {
        var (kubectl, ours) = await CompareAsync(
            (dir, server) => KubeconfigText.Single(server, KubeconfigText.CaData + "\ntls-server-name: kube.test", "token: named"),
            TestPki.Instance.NamedServer);

        Assert.Equal(kubectl.Header("Authorization"), ours.Header("Authorization"));
    }

    [Fact]
    public async Task GetVersionAsync_InsecureSkipTlsVerify_ConnectsWithoutCaLikeKubectl()
    {
        var (kubectl, ours) = await CompareAsync((dir, server) => KubeconfigText.Single(server, "insecure-skip-tls-verify: true", "token: insecure"));

        Assert.Equal(kubectl.Header("Authorization"), ours.Header("Authorization"));
    }

    [Theory]
    [InlineData("wrong-ca")]
    [InlineData("name-mismatch")]
    public async Task GetVersionAsync_UntrustedServer_FailsLikeKubectl(string scenario)
    {
        using var dir = new TempDirectory();
        await using var probe = await CredentialProbe.StartAsync(scenario == "name-mismatch" ? TestPki.Instance.NamedServer : null);
        var ca = scenario == "wrong-ca" ? TestPki.Instance.OtherCa.ExportCertificatePem() : TestPki.Instance.CaPem;
        var path = dir.File("cfg/config", KubeconfigText.Single(probe.Server, $"certificate-authority-data: {TestPki.Base64(ca)}", "token: never-sent"));

        var (exit, _, stderr) = await Kubectl.RunAsync(path, dir.Path, "get", "--raw", "/version", "--request-timeout=5s");
        using var client = new KubernetesClient(KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path }).Resolve(), TestServer.FastOptions);
        var error = await Assert.ThrowsAsync<KubernetesConnectionException>(() => client.GetVersionAsync(Ct));

        Assert.NotEqual(0, exit);
        Assert.Contains("x509", stderr);
        Assert.StartsWith($"cannot reach {probe.Server}: TLS handshake failed", error.Message);
        Assert.Empty(probe.Requests);
    }

    private static async Task<(ReceivedRequest Kubectl, ReceivedRequest Ours)> CompareAsync(
        Func<TempDirectory, string, string> kubeconfig, System.Security.Cryptography.X509Certificates.X509Certificate2? serverCertificate = null)
    {
        using var dir = new TempDirectory();
        await using var probe = await CredentialProbe.StartAsync(serverCertificate);
        var path = dir.File("cfg/config", kubeconfig(dir, probe.Server));

        var (exit, _, stderr) = await Kubectl.RunAsync(path, dir.Path, "get", "--raw", "/version", "--request-timeout=5s");
        Assert.True(exit == 0, $"kubectl failed: {stderr}");
        using var client = new KubernetesClient(KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path }).Resolve(), TestServer.FastOptions);
        await client.GetVersionAsync(Ct);

        return (Assert.Single(probe.FromKubectl), Assert.Single(probe.FromUs));
    }
}
