using KubeTriage.Core.Engine;
using KubeTriage.Core.Scenarios;
using KubeTriage.Core.Snapshots;

namespace KubeTriage.Core.Tests.Scenarios;

public sealed class ScenarioOfflineTests
{
    public static TheoryData<string> Names => [.. RepoPaths.ScenarioNames()];

    [Theory]
    [MemberData(nameof(Names))]
    public void Diagnose_Scenario_MatchesExpectations(string name)
    {
        var dir = Path.Combine(RepoPaths.Scenarios, name);
        var scenario = ScenarioMetadata.Load(dir);
        var loaded = SnapshotLoader.Load(dir);

        var report = new DiagnosisEngine().Diagnose(loaded.State);

        Assert.Empty(loaded.Warnings);
        Assert.True(scenario.Expect.Count > 0 || scenario.ExpectNoRootCause, "a scenario must expect something");
        var failures = ExpectationMatcher.Check(scenario, report, loaded.State);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
