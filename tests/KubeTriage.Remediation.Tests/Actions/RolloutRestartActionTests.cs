using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class RolloutRestartActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plan_DryRun_LeavesDeploymentUnchangedAndShowsRestartedAt()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0")], simulate: false);
        var before = await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout");
        var action = Support.Actions.Create(ActionTypes.RolloutRestart, "Deployment", "checkout");

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        var after = await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        var lines = plan.Diff.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("--- Deployment/shop/checkout (live)", lines[0]);
        Assert.Equal("+++ Deployment/shop/checkout (after)", lines[1]);
        Assert.Single(lines[2..]);
        Assert.StartsWith("+ spec.template.metadata.annotations[\"kubectl.kubernetes.io/restartedAt\"]: 20", lines[2], StringComparison.Ordinal);
        Assert.Equal("patch", plan.Request.Verb);
        Assert.Equal(ActionTypes.RolloutRestart, plan.Request.Action);
        Assert.Equal("payments", plan.Request.Labels["team"]);
    }

    [Fact]
    public async Task Execute_WithSimulation_BumpsGenerationAndVerifySucceeds()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0")], simulate: true);
        var action = Support.Actions.Create(ActionTypes.RolloutRestart, "Deployment", "checkout");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var deployment = await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout");
        Assert.NotNull(deployment["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]);
        Assert.True(deployment["metadata"]!["generation"]!.GetValue<long>() >= 2);
    }

    [Fact]
    public async Task Verify_WithoutSimulation_TimesOut()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0")], simulate: false);
        var action = Support.Actions.Create(ActionTypes.RolloutRestart, "Deployment", "checkout");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.TimedOut, result.Status);
        Assert.Contains("spec update to be observed", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    public async Task Execute_OtherWorkloadKinds_VerifySucceedsWithSimulation(string kind)
    {
        await using var sandbox = await ActionSandbox.StartAsync([Workload(kind, "cache", "redis:7")], simulate: true);
        var action = Support.Actions.Create(ActionTypes.RolloutRestart, kind, "cache");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Plan_PausedDeployment_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0", paused: true)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.RolloutRestart, "Deployment", "checkout");

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));

        Assert.Contains("paused", refused.Message, StringComparison.Ordinal);
    }
}
