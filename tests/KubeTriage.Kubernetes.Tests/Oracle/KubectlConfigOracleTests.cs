using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.KubeConfig;
using KubeTriage.Kubernetes.Tests.Infrastructure;

namespace KubeTriage.Kubernetes.Tests.Oracle;

/// <summary>Checks the kubeconfig loader against `kubectl config view --minify` on the same files.</summary>
public sealed class KubectlConfigOracleTests
{
    private const string First = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster: {server: "https://127.0.0.1:1001"}
        users:
        - name: shared-user
          user: {token: from-first}
        contexts:
        - name: dev
          context: {cluster: shared, user: shared-user, namespace: first-ns}
        """;

    private const string Second = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: shared
          cluster: {server: "https://127.0.0.1:2002"}
        - name: only-second
          cluster: {server: "https://127.0.0.1:2003"}
        users:
        - name: shared-user
          user: {token: from-second}
        - name: second-user
          user: {username: alice, password: secret}
        contexts:
        - name: dev
          context: {cluster: only-second, user: second-user}
        - name: prod
          context: {cluster: only-second, user: shared-user}
        """;

    private const string Third = """
        apiVersion: v1
        kind: Config
        current-context: prod
        contexts:
        - name: third
          context: {cluster: shared, user: second-user, namespace: third-ns}
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("prod")]
    [InlineData("third")]
    public async Task Resolve_SeveralFilesWithOverlappingNames_MatchesKubectlMinify(string? context)
    {
        using var dir = new TempDirectory();
        var kubeconfig = string.Join(':', dir.File("a/config", First), dir.File("b/config", Second), dir.File("c/config", Third));
        var args = new List<string> { "config", "view", "--minify", "--raw", "-o", "json" };
        if (context is not null)
        {
            args.Add($"--context={context}");
        }

        var (exit, stdout, stderr) = await Kubectl.RunAsync(kubeconfig, dir.Path, args.ToArray());
        var ours = KubeConfigLoader.Load(new KubeConfigLoadingRules { KubeconfigEnvironment = kubeconfig }).Resolve(context);

        Assert.True(exit == 0, stderr);
        var theirs = JsonNode.Parse(stdout)!;
        var theirContext = theirs["contexts"]![0]!;
        var theirUser = theirs["users"]![0]!["user"]!;
        Assert.Equal(theirContext["name"]!.GetValue<string>(), ours.ContextName);
        Assert.Equal(theirs["clusters"]![0]!["cluster"]!["server"]!.GetValue<string>(), ours.Server);
        Assert.Equal(theirContext["context"]!["namespace"]?.GetValue<string>() ?? "default", ours.Namespace);
        Assert.Equal(theirUser["token"]?.GetValue<string>(), ours.BearerToken);
        Assert.Equal(theirUser["username"]?.GetValue<string>(), ours.Username);
    }

    [Fact]
    public async Task Resolve_RelativeCertificatePaths_ResolveAgainstTheirKubeconfigLikeKubectl()
    {
        using var dir = new TempDirectory();
        var pki = TestPki.Instance;
        dir.File("cfg/pki/ca.crt", pki.CaPem);
        dir.File("cfg/pki/user.crt", pki.EcClient.CertPem);
        dir.File("cfg/pki/user.key", pki.EcClient.KeyPem);
        dir.File("cfg/tokens/t", "file-token\n");
        var path = dir.File("cfg/config", KubeconfigText.Single(
            "https://127.0.0.1:6443",
            "certificate-authority: pki/ca.crt",
            "client-certificate: pki/user.crt\nclient-key: ./pki/user.key\ntokenFile: tokens/t"));

        // Run kubectl from another directory so only resolution against the file's own directory can succeed.
        var (exit, stdout, stderr) = await Kubectl.RunAsync(path, dir.Path, "config", "view", "--minify", "--flatten", "-o", "json");
        var ours = KubeConfigLoader.Load(new KubeConfigLoadingRules { KubeconfigEnvironment = path }).Resolve();

        Assert.True(exit == 0, stderr);
        var theirs = JsonNode.Parse(stdout)!;
        Assert.Equal(theirs["clusters"]![0]!["cluster"]!["certificate-authority-data"]!.GetValue<string>(), Convert.ToBase64String(ours.CertificateAuthorityData!));
        Assert.Equal(theirs["users"]![0]!["user"]!["client-certificate-data"]!.GetValue<string>(), Convert.ToBase64String(ours.ClientCertificateData!));
        Assert.Equal(theirs["users"]![0]!["user"]!["client-key-data"]!.GetValue<string>(), Convert.ToBase64String(ours.ClientKeyData!));
        Assert.Equal(dir.Combine("cfg/tokens/t"), ours.BearerTokenFile);
    }
}
