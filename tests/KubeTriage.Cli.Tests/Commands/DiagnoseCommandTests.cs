using System.Text.Json.Nodes;

namespace KubeTriage.Cli.Tests.Commands;

public sealed class DiagnoseCommandTests
{
    private static string Scenario(string name) => Path.Combine(RepoPaths.Scenarios, name);

    [Fact]
    public async Task Diagnose_BrokenSnapshotAsJson_PrintsContractAndExitsOne()
    {
        var (code, console) = await TestConsole.RunAsync("diagnose", "--snapshot", Scenario("chain-service-no-endpoints-secret"), "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var report = JsonNode.Parse(console.Out)!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(report["summary"]!.GetValue<string>()));
        var cause = report["rootCauses"]!.AsArray()[0]!;
        Assert.Equal("MissingSecret", cause["category"]!.GetValue<string>());
        Assert.Equal("critical", cause["severity"]!.GetValue<string>());
        Assert.Equal("Deployment", cause["resource"]!["kind"]!.GetValue<string>());
        Assert.Contains(cause["evidence"]!.AsArray(), e => e!["source"]!.GetValue<string>() == "event" && e["text"]!.GetValue<string>().Contains("secret \"checkout-db\" not found"));
        Assert.Contains(cause["affected"]!.AsArray(), a => a!["kind"]!.GetValue<string>() == "Service");
        Assert.Contains(cause["remediation"]!.AsArray(), r => r!["command"]!.GetValue<string>().StartsWith("kubectl create secret generic checkout-db", StringComparison.Ordinal));
        Assert.NotNull(report["capabilities"]!["kubernetes"]);
        Assert.NotNull(report["findings"]);
        Assert.NotNull(report["warnings"]);
    }

    [Fact]
    public async Task Diagnose_HealthySnapshot_ExitsZeroWithText()
    {
        var healthy = RepoPaths.ScenarioNames().First(n => File.ReadAllText(Path.Combine(Scenario(n), "scenario.yaml")).Contains("expectNoRootCause: true"));

        var (code, console) = await TestConsole.RunAsync("diagnose", "--snapshot", Scenario(healthy));

        Assert.Equal(ExitCodes.Healthy, code);
        Assert.Contains("Healthy", console.Out);
        Assert.Contains("No problems found", console.Out);
    }

    [Fact]
    public async Task Diagnose_Markdown_RendersTicketReport()
    {
        var (code, console) = await TestConsole.RunAsync("diagnose", "--snapshot", Scenario("oomkilled-java"), "-o", "markdown");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        Assert.StartsWith("# KubeTriage diagnosis", console.Out);
        Assert.Contains("**OOMKilled**", console.Out);
        Assert.Contains("kubectl set resources", console.Out);
    }

    [Fact]
    public async Task Diagnose_MissingSnapshotDirectory_OneLineErrorAndExitFour()
    {
        var (code, console) = await TestConsole.RunAsync("diagnose", "--snapshot", "/nonexistent/snapshot");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("error: snapshot directory '/nonexistent/snapshot' does not exist", console.Error.Trim());
        Assert.DoesNotContain("   at ", console.Error);
    }

    [Fact]
    public async Task Diagnose_MalformedFile_WarnsWithFileAndLineAndLoadsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("kt-malformed-").FullName;
        CopyDirectory(Scenario("missing-secret"), dir);
        File.WriteAllText(Path.Combine(dir, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad-indent: [\n");

        var (code, console) = await TestConsole.RunAsync("diagnose", "--snapshot", dir, "-o", "json");

        Assert.Equal(ExitCodes.ProblemsFound, code);
        var report = JsonNode.Parse(console.Out)!;
        var warning = Assert.Single(report["warnings"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("broken.yaml:", warning);
        Assert.Matches(@"^broken\.yaml:\d+: invalid YAML", warning);
        Assert.Contains(report["rootCauses"]!.AsArray(), c => c!["category"]!.GetValue<string>() == "MissingSecret");
    }

    [Fact]
    public async Task Diagnose_UnknownOption_ExitsTwo()
    {
        var (code, console) = await TestConsole.RunAsync("diagnose", "--no-such-flag");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error:", console.Error);
    }

    [Fact]
    public async Task Diagnose_UnreachableCluster_OneLineErrorAndExitThree()
    {
        var dir = Directory.CreateTempSubdirectory("kt-unreachable-").FullName;
        var kubeconfig = Path.Combine(dir, "config");
        File.WriteAllText(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: gone
              cluster:
                server: http://127.0.0.1:1
            users:
            - name: me
              user:
                token: abc
            contexts:
            - name: gone
              context:
                cluster: gone
                user: me
            current-context: gone
            """);

        var (code, console) = await TestConsole.RunAsync("diagnose", "--kubeconfig", kubeconfig);

        Assert.Equal(ExitCodes.ClusterUnreachable, code);
        Assert.StartsWith("error:", console.Error);
        Assert.Contains("127.0.0.1:1", console.Error);
        Assert.Single(console.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Diagnose_UnknownContext_ExitsThreeNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("kt-context-").FullName;
        var kubeconfig = Path.Combine(dir, "config");
        File.WriteAllText(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");

        var (code, console) = await TestConsole.RunAsync("diagnose", "--kubeconfig", kubeconfig, "--context", "prod-eu");

        Assert.NotEqual(0, code);
        Assert.True(code >= 2);
        Assert.Contains("prod-eu", console.Error);
        Assert.DoesNotContain("   at ", console.Error);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
