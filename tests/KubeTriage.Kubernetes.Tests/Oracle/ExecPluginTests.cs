using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Oracle;

public sealed class ExecPluginTests
{
    private const string V1 = "client.authentication.k8s.io/v1";
    private const string V1Beta1 = "client.authentication.k8s.io/v1beta1";
    private const string Future = "2099-01-01T00:00:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetVersionAsync_ExecPluginWithClusterInfo_SendsSameExecInfoAndTokenFormAsKubectl()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        var cluster = KubeconfigText.CaData + "\nextensions:\n- name: client.authentication.k8s.io/exec\n  extension:\n    audience: kube\n    nested: {n: 1, on: yes, list: [a, 2]}";
        var path = dir.File("cfg/config", KubeconfigText.Single(probe.Server, cluster, ExecPlugin.UserYaml(V1, Future, "interactiveMode: IfAvailable\n  provideClusterInfo: true")));

        var (exit, _, stderr) = await Kubectl.RunAsync(path, dir.Path, "get", "--raw", "/version", "--request-timeout=5s");
        using var client = CreateClient(path);
        await client.GetVersionAsync(Ct);

        Assert.True(exit == 0, stderr);
        Assert.Equal(2, plugin.Runs);
        Assert.Equal("Bearer tok-1", Assert.Single(probe.FromKubectl).Header("Authorization"));
        Assert.Equal("Bearer tok-2", Assert.Single(probe.FromUs).Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(plugin.ExecInfo(1), plugin.ExecInfo(2)), "KUBERNETES_EXEC_INFO differs from kubectl's");
        Assert.Equal(probe.Server, plugin.ExecInfo(2)["spec"]!["cluster"]!["server"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetVersionAsync_V1Beta1PluginWithoutClusterInfo_SendsSameExecInfoAsKubectl()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        var path = dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1Beta1, Future, extra: string.Empty)));

        var (exit, _, stderr) = await Kubectl.RunAsync(path, dir.Path, "get", "--raw", "/version", "--request-timeout=5s");
        using var client = CreateClient(path);
        await client.GetVersionAsync(Ct);

        Assert.True(exit == 0, stderr);
        Assert.True(JsonNode.DeepEquals(plugin.ExecInfo(1), plugin.ExecInfo(2)), "KUBERNETES_EXEC_INFO differs from kubectl's");
        Assert.Null(plugin.ExecInfo(2)["spec"]!["cluster"]);
    }

    [Fact]
    public async Task GetVersionAsync_ExecClientCertificate_PresentsSameCertificateAsKubectl()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        var client = TestPki.Instance.EcClient;
        plugin.PrintCredential(new JsonObject
        {
            ["kind"] = "ExecCredential",
            ["apiVersion"] = V1,
            ["status"] = new JsonObject { ["clientCertificateData"] = client.CertPem, ["clientKeyData"] = client.KeyPem },
        });
        await using var probe = await CredentialProbe.StartAsync();
        var path = dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, null)));

        var (exit, _, stderr) = await Kubectl.RunAsync(path, dir.Path, "get", "--raw", "/version", "--request-timeout=5s");
        using var ours = CreateClient(path);
        await ours.GetVersionAsync(Ct);

        Assert.True(exit == 0, stderr);
        Assert.Equal(client.Certificate.Thumbprint, Assert.Single(probe.FromUs).ClientCertificateThumbprint);
        Assert.Equal(probe.FromKubectl.Single().ClientCertificateThumbprint, probe.FromUs.Single().ClientCertificateThumbprint);
    }

    [Fact]
    public async Task GetVersionAsync_UnexpiredCredential_RunsPluginOnceForTwoCalls()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, Future))));

        await client.GetVersionAsync(Ct);
        await client.GetVersionAsync(Ct);

        Assert.Equal(1, plugin.Runs);
        Assert.All(probe.FromUs, r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task GetVersionAsync_ExpiredCredential_RunsPluginAgain()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, "2000-01-01T00:00:00Z"))));

        await client.GetVersionAsync(Ct);
        await client.GetVersionAsync(Ct);

        Assert.Equal(2, plugin.Runs);
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2" }, probe.FromUs.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task GetVersionAsync_Unauthorized_DropsCachedCredentialAndRetriesOnce()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        probe.Authorize = header => header == "Bearer tok-2";
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, Future))));

        var version = await client.GetVersionAsync(Ct);

        Assert.Equal("1", version.Major);
        Assert.Equal(2, plugin.Runs);
        Assert.Equal(2, probe.Requests.Count);
    }

    [Fact]
    public async Task GetVersionAsync_AlwaysUnauthorized_ThrowsAfterOneRerun()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        await using var probe = await CredentialProbe.StartAsync();
        probe.Authorize = _ => false;
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, Future))));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetVersionAsync(Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, plugin.Runs);
    }

    [Fact]
    public async Task GetVersionAsync_PluginFails_ThrowsCredentialErrorWithStderr()
    {
        using var dir = new TempDirectory();
        dir.Script("cfg/bin/plugin.sh", "#!/bin/sh\necho 'progress...' >&2\necho 'error: login required' >&2\nexit 3\n");
        await using var probe = await CredentialProbe.StartAsync();
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, Future))));

        var error = await Assert.ThrowsAsync<KubernetesCredentialException>(() => client.GetVersionAsync(Ct));

        Assert.Equal($"exec plugin \"{dir.Combine("cfg/bin/plugin.sh")}\" failed with exit code 3: error: login required", error.Message);
        Assert.Empty(probe.Requests);
    }

    [Fact]
    public async Task GetVersionAsync_PluginMissing_ThrowsWithInstallHint()
    {
        using var dir = new TempDirectory();
        await using var probe = await CredentialProbe.StartAsync();
        var user = ExecPlugin.UserYaml(V1, Future, "interactiveMode: Never\n  installHint: install it with apt").Replace("bin/plugin.sh", "kubetriage-no-such-plugin");
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, user)));

        var error = await Assert.ThrowsAsync<KubernetesCredentialException>(() => client.GetVersionAsync(Ct));

        Assert.StartsWith("exec plugin \"kubetriage-no-such-plugin\" could not be started", error.Message);
        Assert.EndsWith("(install it with apt)", error.Message);
    }

    [Fact]
    public async Task GetVersionAsync_PluginPrintsOtherApiVersion_ThrowsCredentialError()
    {
        using var dir = new TempDirectory();
        var plugin = new ExecPlugin(dir);
        plugin.PrintCredential(new JsonObject { ["kind"] = "ExecCredential", ["apiVersion"] = V1Beta1, ["status"] = new JsonObject { ["token"] = "x" } });
        await using var probe = await CredentialProbe.StartAsync();
        using var client = CreateClient(dir.File("cfg/config", KubeconfigText.Single(probe.Server, KubeconfigText.CaData, ExecPlugin.UserYaml(V1, Future))));

        var error = await Assert.ThrowsAsync<KubernetesCredentialException>(() => client.GetVersionAsync(Ct));

        Assert.Contains($"configured to use API version {V1}, plugin returned version {V1Beta1}", error.Message);
    }

    private static KubernetesClient CreateClient(string kubeconfig) =>
        new(KubeConfigLoader.Load(new KubeConfigLoadingRules { ExplicitPath = kubeconfig }).Resolve(), TestServer.FastOptions);
}
