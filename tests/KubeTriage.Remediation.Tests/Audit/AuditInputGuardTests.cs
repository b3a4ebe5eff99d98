using KubeTriage.Remediation.Audit;
using System.Text.Json.Nodes;

namespace KubeTriage.Remediation.Tests.Audit;

public sealed class AuditInputGuardTests
{
    [Fact]
    public void Apply_SensitiveKeysAtAnyDepth_AreMasked()
    {
        var inputs = JsonNode.Parse("""
            {"name":"checkout","kubeconfig":"apiVersion: v1\nkind: Config","auth":{"Bearer_Token":"abc","client-key-data":"LS0t","user":"ci"},
             "headers":[{"Authorization":"Basic dXNlcjpwYXNz"}],"dbPassword":"hunter2","replicas":3,"token":null}
            """);

        var masked = AuditInputGuard.Apply(inputs)!;

        Assert.Equal(
            """{"name":"checkout","kubeconfig":"***","auth":{"Bearer_Token":"***","client-key-data":"***","user":"ci"},"headers":[{"Authorization":"***"}],"dbPassword":"***","replicas":3,"token":null}""",
            masked.ToJsonString());
        Assert.Equal("hunter2", (string?)inputs!["dbPassword"]);
    }

    [Fact]
    public void Apply_KubectlArgv_MasksSensitiveFlagValuesAndBearerText()
    {
        var argv = JsonNode.Parse("""["rollout","restart","deployment/checkout","--token","s3cr3t","--kubeconfig=/home/a/.kube/config","-n","shop","--password=p","Authorization: Bearer eyJabc.def"]""");

        var masked = AuditInputGuard.Apply(argv)!;

        Assert.Equal(
            """["rollout","restart","deployment/checkout","--token","***","--kubeconfig=***","-n","shop","--password=***","Authorization: Bearer ***"]""",
            masked.ToJsonString());
    }

    [Theory]
    [InlineData("--token", true)]
    [InlineData("KUBECONFIG", true)]
    [InlineData("api_key", true)]
    [InlineData("namespace", false)]
    [InlineData("secretName", false)]
    public void IsSensitive_Name_MatchesCredentialWords(string name, bool expected) => Assert.Equal(expected, AuditInputGuard.IsSensitive(name));
}
