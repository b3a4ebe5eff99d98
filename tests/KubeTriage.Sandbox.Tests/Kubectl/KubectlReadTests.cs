using KubeTriage.Sandbox.Tests.Support;

namespace KubeTriage.Sandbox.Tests.Kubectl;

/// The real kubectl reading from the sandbox.
public sealed class KubectlReadTests(ReadOnlyFixture fixture) : IClassFixture<ReadOnlyFixture>
{
    [Fact]
    public async Task GetPods_AllNamespaces_ShowsCrashLoopRow()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "pods", "-A");
        Assert.True(code == 0, error);
        var row = Assert.Single(output.Split('\n'), l => l.Contains(RecordedCluster.CrashingPod, StringComparison.Ordinal));
        Assert.StartsWith("shop", row, StringComparison.Ordinal);
        Assert.Contains("0/1", row, StringComparison.Ordinal);
        Assert.Contains("CrashLoopBackOff", row, StringComparison.Ordinal);
        Assert.Matches(@"7 \(\d+\w+ ago\)", row);
    }

    [Fact]
    public async Task GetPods_Wide_ShowsIpAndNode()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "pods", "-n", "shop", "-o", "wide");
        Assert.True(code == 0, error);
        Assert.Contains("NOMINATED NODE", output, StringComparison.Ordinal);
        var row = Assert.Single(output.Split('\n'), l => l.Contains(RecordedCluster.RunningPod, StringComparison.Ordinal));
        Assert.Contains("10.244.1.17", row, StringComparison.Ordinal);
        Assert.Contains("node-1", row, StringComparison.Ordinal);
        Assert.Contains("Running", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribePod_CrashingPod_ShowsBackOffEvent()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("describe", "pod", RecordedCluster.CrashingPod, "-n", "shop");
        Assert.True(code == 0, error);
        Assert.Contains("CrashLoopBackOff", output, StringComparison.Ordinal);
        Assert.Contains("Restart Count:  7", output, StringComparison.Ordinal);
        var events = output[output.IndexOf("Events:", StringComparison.Ordinal)..];
        Assert.Contains("BackOff", events, StringComparison.Ordinal);
        Assert.Contains("(x12 over", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Previous_PrintsTerminatedInstance()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("logs", RecordedCluster.CrashingPod, "-n", "shop", "--previous");
        Assert.True(code == 0, error);
        Assert.Contains("panic: PAYMENT_GATEWAY_URL unreachable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_ContainerAndTail_PrintsLastLines()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("logs", RecordedCluster.RunningPod, "-n", "shop", "-c", "app", "--tail=5");
        Assert.True(code == 0, error);
        Assert.Equal(["line 3", "line 4", "line 5", "line 6", "line 7"], output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Logs_PreviousOfHealthyPod_FailsWithKubeletMessage()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, _, error) = await kubectl.RunAsync("logs", RecordedCluster.RunningPod, "-n", "shop", "--previous");
        Assert.Equal(1, code);
        Assert.Contains($"previous terminated container \"app\" in pod \"{RecordedCluster.RunningPod}\" not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvents_Namespace_ShowsWarningBackOff()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "events", "-n", "shop");
        Assert.True(code == 0, error);
        Assert.Contains("LAST SEEN", output, StringComparison.Ordinal);
        Assert.Matches(@"Warning\s+BackOff\s+pod/checkout-6d4b9c7f5d-q9w4z", output);
    }

    [Fact]
    public async Task GetDeployments_Yaml_PrintsFullObject()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "deploy", "-n", "shop", "-o", "yaml");
        Assert.True(code == 0, error);
        Assert.Contains("kind: Deployment", output, StringComparison.Ordinal);
        Assert.Contains("image: ghcr.io/example/checkout:1.4.2", output, StringComparison.Ordinal);
        Assert.Contains("reason: MinimumReplicasUnavailable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWidgets_CustomResource_UsesPrinterColumns()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "widgets", "-n", "shop");
        Assert.True(code == 0, error);
        Assert.Matches(@"NAME\s+SIZE\s+READY\s+AGE", output);
        Assert.Matches(@"blue-widget\s+3\s+True", output);
    }

    [Fact]
    public async Task GetWg_ShortName_ResolvesThroughDiscovery()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("get", "wg", "-A");
        Assert.True(code == 0, error);
        Assert.Matches(@"shop\s+blue-widget", output);
    }

    [Fact]
    public async Task ApiResources_Discovery_ListsBuiltinsAndCrd()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("api-resources");
        Assert.True(code == 0, error);
        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", output);
        Assert.Matches(@"widgets\s+wg\s+example.com/v1\s+true\s+Widget", output);
        Assert.Matches(@"nodes\s+no\s+v1\s+false\s+Node", output);
    }

    [Fact]
    public async Task DeletePod_ServerDryRun_KeepsPod()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, output, error) = await kubectl.RunAsync("delete", "pod", RecordedCluster.CrashingPod, "-n", "shop", "--dry-run=server");
        Assert.True(code == 0, error);
        Assert.Contains("deleted (server dry run)", output, StringComparison.Ordinal);
        var (_, pods, _) = await kubectl.RunAsync("get", "pod", RecordedCluster.CrashingPod, "-n", "shop");
        Assert.Contains("CrashLoopBackOff", pods, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPods_BadToken_FailsUnauthorized()
    {
        using var kubectl = new Support.Kubectl(fixture.Server);
        var (code, _, error) = await kubectl.RunAsync("get", "pods", "-n", "shop", "--token=bad");
        Assert.Equal(1, code);
        // With a cold discovery cache client-go words the 401 as "the server has asked for the client to provide credentials".
        Assert.Contains("error: You must be logged in to the server", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPods_ViewerOutsideGrant_IsForbidden()
    {
        using var kubectl = new Support.Kubectl(fixture.Server, "viewer");
        var (code, _, error) = await kubectl.RunAsync("get", "pods", "-n", "shop");
        Assert.Equal(1, code);
        Assert.Contains("Error from server (Forbidden): pods is forbidden: User \"viewer\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPods_ViewerInsideGrant_ListsNothing()
    {
        using var kubectl = new Support.Kubectl(fixture.Server, "viewer");
        var (code, _, error) = await kubectl.RunAsync("get", "pods", "-n", "team-a");
        Assert.True(code == 0, error);
        Assert.Contains("No resources found in team-a namespace.", error, StringComparison.Ordinal);
    }
}
