using KubeTriage.Cli.Commands;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Scenarios;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Cli.Tests.Scenarios;

/// <summary>Runs every scenario twice: offline from the snapshot, and live through the sandbox with our REST client.</summary>
public sealed class ScenarioCorpusTests
{
    public static TheoryData<string> Names => [.. RepoPaths.ScenarioNames()];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Diagnose_OfflineAndLive_MatchExpectationsAndEachOther(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(RepoPaths.Scenarios, name);
        var scenario = ScenarioMetadata.Load(dir);
        var cluster = SnapshotLoader.Load(dir).State;

        var offline = DiagnoseCommand.DiagnoseSnapshot(dir, null);
        var (server, _) = await SandboxLauncher.StartAsync(dir, 0, ct);
        DiagnosisReport live;
        await using (server)
        {
            var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kt-scenario-").FullName, "config");
            server.WriteKubeconfig(kubeconfig);
            live = await DiagnoseCommand.DiagnoseLiveAsync(kubeconfig, null, null, allNamespaces: true, ct);
        }

        Assert.Empty(offline.Warnings);
        Assert.Empty(live.Warnings);
        var offlineFailures = ExpectationMatcher.Check(scenario, offline, cluster);
        Assert.True(offlineFailures.Count == 0, "offline: " + string.Join("\n", offlineFailures));
        var liveFailures = ExpectationMatcher.Check(scenario, live, cluster);
        Assert.True(liveFailures.Count == 0, "live: " + string.Join("\n", liveFailures));
        Assert.Equal(Shape(offline), Shape(live));
    }

    // What must agree between the two paths: each root cause's category, severity, resource and affected objects.
    private static List<string> Shape(DiagnosisReport report)
        => [.. report.RootCauses.Select(r => $"{r.Category}|{r.Severity}|{r.Resource}|{string.Join(",", r.Affected.Select(a => a.ToString()).Order(StringComparer.Ordinal))}")];
}
