using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Kubectl;

/// The real kubectl changing objects in a sandbox of its own.
public sealed class KubectlWriteTests
{
    [Fact]
    public async Task Scale_Deployment_GetShowsNewReplicas()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var kubectl = new Support.Kubectl(server);
        var (code, output, error) = await kubectl.RunAsync("scale", "deploy/checkout", "--replicas=3", "-n", "shop");
        Assert.True(code == 0, error);
        Assert.Contains("deployment.apps/checkout scaled", output, StringComparison.Ordinal);
        var (_, table, _) = await kubectl.RunAsync("get", "deploy", "checkout", "-n", "shop");
        Assert.Matches(@"checkout\s+1/3\s+2\s+1", table);
        var (_, replicas, _) = await kubectl.RunAsync("get", "deploy", "checkout", "-n", "shop", "-o", "jsonpath={.spec.replicas} {.metadata.generation}");
        Assert.Equal("3 2", replicas);
    }

    [Fact]
    public async Task Patch_StrategicContainerImage_KeepsOtherFields()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var kubectl = new Support.Kubectl(server);
        var (code, output, error) = await kubectl.RunAsync(
            "patch", "deploy", "checkout", "-n", "shop", "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"ghcr.io/example/checkout:1.4.3"}]}}}}""");
        Assert.True(code == 0, error);
        Assert.Contains("deployment.apps/checkout patched", output, StringComparison.Ordinal);
        var (_, fields, _) = await kubectl.RunAsync(
            "get", "deploy", "checkout", "-n", "shop", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}");
        Assert.Equal("ghcr.io/example/checkout:1.4.3 8080", fields);
    }

    [Fact]
    public async Task Patch_MergeOnCustomResource_UpdatesSpec()
    {
        await using var server = await SandboxServer.StartAsync(RecordedCluster.Options(), TestContext.Current.CancellationToken);
        using var kubectl = new Support.Kubectl(server);
        var (code, _, error) = await kubectl.RunAsync("patch", "wg", "blue-widget", "-n", "shop", "--type=merge", "-p", """{"spec":{"size":5}}""");
        Assert.True(code == 0, error);
        var (_, table, _) = await kubectl.RunAsync("get", "widgets", "-n", "shop");
        Assert.Matches(@"blue-widget\s+5\s+True", table);
    }
}
