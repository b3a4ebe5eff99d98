using System.Text.Json.Nodes;
using KubeTriage.Core.Snapshots;
using KubeTriage.Sandbox;

namespace KubeTriage.Cli.Tests.Commands;

public sealed class LiveDiagnoseTests
{
    [Fact]
    public async Task Diagnose_ViewerForbiddenOnClusterKinds_ReportsWithWarningAndPartialCapability()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(RepoPaths.Scenarios, "chain-service-no-endpoints-secret");
        var loaded = SnapshotLoader.Load(dir);
        await using var server = await SandboxServer.StartAsync(SandboxOptions.FromState(loaded.State) with { Users = [SandboxUser.Admin("admin", "admin-token"), SandboxUser.Viewer("viewer", "viewer-token", "shop")], }, ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-viewer-").FullName, "config");
        server.WriteKubeconfig(kubeconfig, "viewer");

        var (code, console) = await TestConsole.RunAsync("diagnose", "--kubeconfig", kubeconfig, "-n", "shop", "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var report = JsonNode.Parse(console.Out)!;
        Assert.Equal("partial", report["capabilities"]!["kubernetes"]!.GetValue<string>());
        Assert.Contains(report["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("cannot list nodes", StringComparison.Ordinal)
            && w.GetValue<string>().Contains("forbidden", StringComparison.Ordinal));
        Assert.Contains(report["rootCauses"]!.AsArray(), c => c!["category"]!.GetValue<string>() == "MissingSecret");
    }

    [Fact]
    public async Task Diagnose_RejectedToken_ExitThreeAndJsonReportSaysKubernetesUnavailable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SandboxServer.StartAsync(new SandboxOptions(), ct);
        var dir = Directory.CreateTempSubdirectory("kt-expired-").FullName;
        var kubeconfig = Path.Combine(dir, "config");
        server.WriteKubeconfig(kubeconfig);
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace(server.AdminToken, "expired-token", StringComparison.Ordinal));

        var (code, console) = await TestConsole.RunAsync("diagnose", "--kubeconfig", kubeconfig, "-A", "-o", "json");

        Assert.Equal(ExitCodes.ClusterUnreachable, code);
        Assert.Contains("Unauthorized", console.Error);
        Assert.Single(console.Error.Trim().Split('\n'));
        var report = JsonNode.Parse(console.Out)!;
        Assert.Equal("unavailable", report["capabilities"]!["kubernetes"]!.GetValue<string>());
        Assert.Single(report["warnings"]!.AsArray());
        Assert.Empty(report["rootCauses"]!.AsArray());
    }

    [Fact]
    public async Task Demo_DiagnosesBuiltInScenarioThroughTheSandbox()
    {
        var (code, console) = await TestConsole.RunAsync("demo", "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var report = JsonNode.Parse(console.Out)!;
        Assert.StartsWith("sandbox", report["target"]!["source"]!.GetValue<string>());
        Assert.Equal("MissingSecret", report["rootCauses"]![0]!["category"]!.GetValue<string>());
    }
}
