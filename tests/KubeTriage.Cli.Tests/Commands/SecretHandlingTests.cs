using System.Text;
using System.Text.Json.Nodes;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;
using KubeTriage.Kubernetes.Collection;
using KubeTriage.Sandbox;

namespace KubeTriage.Cli.Tests.Commands;

public sealed class SecretHandlingTests
{
    private const string Canary = "canary-7f3a9c-do-not-leak";

    [Fact]
    public async Task Collect_SecretValues_AreDroppedKeysAndCertificatesKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var secret = new JsonObject
        {
            ["kind"] = "Secret",
            ["apiVersion"] = "v1",
            ["type"] = "Opaque",
            ["metadata"] = new JsonObject
            {
                ["name"] = "db",
                ["namespace"] = "shop",
                ["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = $"{{\"data\":{{\"DB_PASSWORD\":\"{B64(Canary)}\"}}}}" },
            },
            ["data"] = new JsonObject { ["DB_USER"] = B64("app"), ["DB_PASSWORD"] = B64(Canary), ["ca.crt"] = B64("-----BEGIN CERTIFICATE-----") },
        };
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Objects = [secret] }, ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-secret-").FullName, "config");
        server.WriteKubeconfig(kubeconfig);
        using var client = KubernetesClient.FromKubeConfig(null, Kubernetes.KubeConfig.KubeConfigLoadingRules.FromEnvironment(kubeconfig));

        var collection = await new LiveClusterCollector(client, "sandbox").CollectAsync("shop", ct);

        var collected = collection.State.Find("Secret", "shop", "db")!;
        Assert.Equal(["DB_PASSWORD", "DB_USER", "ca.crt"], collected.Raw.Map("data").Keys.Order(StringComparer.Ordinal));
        Assert.Equal("", collected.Raw.Prop("data").Prop("DB_PASSWORD").GetString());
        Assert.Equal(B64("-----BEGIN CERTIFICATE-----"), collected.Raw.Prop("data").Prop("ca.crt").GetString());
        Assert.DoesNotContain(B64(Canary), collected.Raw.GetRawText());
        Assert.DoesNotContain(Canary, collected.Raw.GetRawText());
    }

    [Fact]
    public async Task Diagnose_ScenarioWithCanarySecret_CanaryNeverInAnyOutput()
    {
        var dir = Directory.CreateTempSubdirectory("kt-canary-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Scenarios, "missing-secret-key"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(Path.Combine(RepoPaths.Scenarios, "missing-secret-key"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(dir, "canary.yaml"), $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: canary\n  namespace: billing\ntype: Opaque\ndata:\n  token: {B64(Canary)}\n");

        foreach (var format in new[] { "json", "markdown", "text" })
        {
            var (_, console) = await TestConsole.RunAsync("diagnose", "--snapshot", dir, "-o", format);

            Assert.DoesNotContain(Canary, console.Out + console.Error);
            Assert.DoesNotContain(B64(Canary), console.Out + console.Error);
        }
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
