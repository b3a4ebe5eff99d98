using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.KubeConfig;

public sealed class InClusterConfigTests
{
    [Fact]
    public void Load_ServiceAccountDirectory_ReadsNamespaceCaAndTokenFile()
    {
        using var dir = new TempDirectory();
        dir.File("token", "sa-token\n");
        dir.File("ca.crt", TestPki.Instance.CaPem);
        dir.File("namespace", "team-a");

        var config = InClusterConfig.Load(dir.Path, Env("10.0.0.1", "443"));

        Assert.Equal("https://10.0.0.1:443", config.Server);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal(dir.Combine("token"), config.BearerTokenFile);
        Assert.NotNull(config.CertificateAuthorityData);
    }

    [Fact]
    public void Load_Ipv6ServiceHost_BracketsTheAddress()
    {
        using var dir = new TempDirectory();
        dir.File("token", "t");
        dir.File("ca.crt", TestPki.Instance.CaPem);

        var config = InClusterConfig.Load(dir.Path, Env("fd00::1", "6443"));

        Assert.Equal("https://[fd00::1]:6443", config.Server);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void Load_MissingToken_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<KubeConfigException>(() => InClusterConfig.Load(dir.Path, Env("10.0.0.1", "443")));

        Assert.Equal($"in-cluster token file {dir.Combine("token")} does not exist", error.Message);
    }

    [Fact]
    public void IsAvailable_WithoutServiceVariables_ReturnsFalse()
    {
        Assert.False(InClusterConfig.IsAvailable(_ => null));
        Assert.True(InClusterConfig.IsAvailable(Env("10.0.0.1", "443")));
    }

    private static Func<string, string?> Env(string host, string port) => name => name switch
    {
        "KUBERNETES_SERVICE_HOST" => host,
        "KUBERNETES_SERVICE_PORT" => port,
        _ => null,
    };
}
