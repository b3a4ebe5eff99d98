using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.KubeConfig;

public sealed class KubeConfigLoaderTests
{
    private const string Minimal = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: c1
          cluster:
            server: https://127.0.0.1:6443
        users:
        - name: u1
          user:
            token: abc
        contexts:
        - name: dev
          context:
            cluster: c1
            user: u1
        """;

    [Fact]
    public void Load_ExplicitPathMissing_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("nope.yaml");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path }));

        Assert.Equal($"kubeconfig file {path} does not exist", error.Message);
    }

    [Fact]
    public void Load_MalformedYaml_ThrowsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("config", "clusters: [\n  - name: x\n    cluster: {server: ");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path }));

        Assert.StartsWith($"malformed kubeconfig {path}:", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Resolve_UnknownContext_ThrowsNamingContextAndFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("config", Minimal);
        var config = KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path });

        var error = Assert.Throws<KubeConfigException>(() => config.Resolve("prod"));

        Assert.Equal($"context \"prod\" not found in {path}", error.Message);
    }

    [Fact]
    public void Resolve_MissingClientCertificateFile_ThrowsNamingTheCertificate()
    {
        using var dir = new TempDirectory();
        var path = dir.File("config", Minimal.Replace("    token: abc", "    client-certificate: pki/user.crt\n    client-key: pki/user.key"));
        var config = KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = path });

        var error = Assert.Throws<KubeConfigException>(() => config.Resolve());

        Assert.Contains($"client-certificate file {dir.Combine("pki/user.crt")} of user \"u1\"", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Load_KubeconfigListWithMissingEntry_SkipsItLikeKubectl()
    {
        using var dir = new TempDirectory();
        var path = dir.File("config", Minimal);
        var rules = new KubeConfigLoadingRules { KubeconfigEnvironment = $"{dir.Combine("missing")}:{path}" };

        var config = KubeConfigLoader.Load(rules);

        Assert.Equal(new[] { path }, config.Files);
        Assert.Equal("dev", config.CurrentContext);
    }

    [Fact]
    public void Load_NoKubeconfigAnywhere_ResolveExplainsWhatToDo()
    {
        using var dir = new TempDirectory();

        var config = KubeConfigLoader.Load(new KubeConfigLoadingRules { HomeDirectory = dir.Path });
        var error = Assert.Throws<KubeConfigException>(() => config.Resolve());

        Assert.Contains("no usable kubeconfig", error.Message);
    }

    [Fact]
    public void Resolve_ContextWithoutNamespace_UsesDefaultNamespace()
    {
        var config = KubeConfigLoader.LoadFromString(Minimal, Path.GetTempPath());

        var rest = config.Resolve();

        Assert.Equal("default", rest.Namespace);
        Assert.Equal("abc", rest.BearerToken);
        Assert.Equal("https://127.0.0.1:6443", rest.Server);
    }

    [Fact]
    public void Load_ExecV1WithoutInteractiveMode_ThrowsLikeKubectl()
    {
        var yaml = Minimal.Replace("    token: abc", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: get-token");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath()));

        Assert.Contains("interactiveMode must be specified", error.Message);
    }

    [Fact]
    public void Load_ExecV1Beta1WithoutInteractiveMode_DefaultsToIfAvailable()
    {
        var yaml = Minimal.Replace("    token: abc", "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: get-token\n      args: [--x]");

        var exec = KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath()).Resolve().Exec!;

        Assert.Equal(ExecInteractiveMode.IfAvailable, exec.InteractiveMode);
        Assert.Equal("get-token", exec.Command);
        Assert.Equal(new[] { "--x" }, exec.Args);
    }

    [Fact]
    public void Resolve_CaDataAndInsecure_ThrowsLikeKubectl()
    {
        var yaml = Minimal.Replace("    server: https://127.0.0.1:6443", $"    server: https://127.0.0.1:6443\n    insecure-skip-tls-verify: true\n    certificate-authority-data: {TestPki.Base64(TestPki.Instance.CaPem)}");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath()).Resolve());

        Assert.Contains("insecure-skip-tls-verify", error.Message);
    }

    [Fact]
    public void Resolve_ContextReferencesMissingUser_ThrowsNamingUser()
    {
        var yaml = Minimal.Replace("    user: u1", "    user: ghost");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.LoadFromString(yaml, Path.GetTempPath()).Resolve());

        Assert.StartsWith("user \"ghost\" of context \"dev\" not found", error.Message);
    }
}
