using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class RaiseMemoryLimitActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SuggestedFromOomKilledScenario_PlansExecutesAndVerifies()
    {
        var (cluster, report) = Scenarios.Diagnose("oomkilled-java");
        var suggested = new ActionSuggester().SuggestActions(Scenarios.Cause(report, Categories.OOMKilled), cluster);
        var description = Assert.Single(suggested, a => a.Type == ActionTypes.RaiseMemoryLimit);
        Assert.Equal(new ObjectRef("Deployment", "reporting", "report-api"), description.Target);
        Assert.Equal("report-api", description.Parameter(ActionParameters.Container));
        Assert.Equal("1Gi", description.Parameter(ActionParameters.Memory));

        await using var sandbox = await ActionSandbox.FromScenarioAsync("oomkilled-java", simulate: true);
        var action = ActionRegistry.Default.Create(ActionJson.Serialize(description));
        var plan = await action.PlanAsync(sandbox.Client, Ct);
        var unchanged = await sandbox.GetAsync(ResourceTypes.Deployments, "reporting", "report-api");
        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(
            "--- Deployment/reporting/report-api (live)\n+++ Deployment/reporting/report-api (after)\n"
            + "- spec.template.spec.containers[report-api].resources.limits.memory: 512Mi\n"
            + "+ spec.template.spec.containers[report-api].resources.limits.memory: 1Gi\n",
            plan.Diff);
        Assert.Equal("512Mi", Container(unchanged)["resources"]!["limits"]!["memory"]!.GetValue<string>());
        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var raised = Container(await sandbox.GetAsync(ResourceTypes.Deployments, "reporting", "report-api"));
        Assert.Equal("1Gi", raised["resources"]!["limits"]!["memory"]!.GetValue<string>());
        Assert.Equal("512Mi", raised["resources"]!["requests"]!["memory"]!.GetValue<string>());
        Assert.Equal("1", raised["resources"]!["limits"]!["cpu"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatefulSetScenario_RaisesRedisLimit()
    {
        var (cluster, report) = Scenarios.Diagnose("oomkilled-statefulset");
        var description = Assert.Single(new ActionSuggester().SuggestActions(Scenarios.Cause(report, Categories.OOMKilled), cluster));
        Assert.Equal("StatefulSet", description.Target.Kind);
        Assert.Equal("512Mi", description.Parameter(ActionParameters.Memory));

        await using var sandbox = await ActionSandbox.FromScenarioAsync("oomkilled-statefulset", simulate: false);
        var action = ActionRegistry.Default.Create(description);
        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.TimedOut, result.Status);
        var redis = Container(await sandbox.GetAsync(ResourceTypes.StatefulSets, "cache", "redis"));
        Assert.Equal("512Mi", redis["resources"]!["limits"]!["memory"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plan_LowerLimit_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0", memory: "512Mi")], simulate: false);
        var action = Support.Actions.Create(ActionTypes.RaiseMemoryLimit, "Deployment", "checkout", (ActionParameters.Container, "app"), (ActionParameters.Memory, "256Mi"));

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));

        Assert.Contains("would not raise it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_RequestAboveNewLimit_LowersTheRequestToo()
    {
        var deployment = Deployment("checkout", "ghcr.io/example/checkout:1.0", memory: "512Mi");
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"]!["memory"] = "900Mi";
        await using var sandbox = await ActionSandbox.StartAsync([deployment], simulate: false);
        var action = Support.Actions.Create(ActionTypes.RaiseMemoryLimit, "Deployment", "checkout", (ActionParameters.Memory, "768Mi"));

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        Assert.Contains("+ spec.template.spec.containers[app].resources.limits.memory: 768Mi", plan.Diff, StringComparison.Ordinal);
        Assert.Contains("+ spec.template.spec.containers[app].resources.requests.memory: 768Mi", plan.Diff, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonNode Container(System.Text.Json.Nodes.JsonObject workload)
        => workload["spec"]!["template"]!["spec"]!["containers"]![0]!;
}
