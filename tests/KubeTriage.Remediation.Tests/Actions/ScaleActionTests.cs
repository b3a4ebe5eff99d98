using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class ScaleActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plan_DryRun_CarriesReplicaDeltaAndLeavesReplicas()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0", replicas: 2)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.Scale, "Deployment", "checkout", (ActionParameters.Replicas, "5"));

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        Assert.Equal(2, (await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout"))["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("scale", plan.Request.Verb);
        Assert.Equal(3, plan.Request.ReplicaDelta);
        Assert.Equal("--- Deployment/shop/checkout (live)\n+++ Deployment/shop/checkout (after)\n- spec.replicas: 2\n+ spec.replicas: 5\n", plan.Diff);
        Assert.Equal("Scale Deployment shop/checkout from 2 to 5 replicas", plan.Summary);
    }

    [Theory]
    [InlineData("Deployment")]
    [InlineData("StatefulSet")]
    [InlineData("ReplicaSet")]
    public async Task Execute_WithSimulation_SetsReplicasAndVerifySucceeds(string kind)
    {
        await using var sandbox = await ActionSandbox.StartAsync([Workload(kind, "checkout", "ghcr.io/example/checkout:1.0", replicas: 3)], simulate: true);
        var action = Support.Actions.Create(ActionTypes.Scale, kind, "checkout", (ActionParameters.Replicas, "1"));

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        Assert.Equal(-2, execution.Request.ReplicaDelta);
        var scale = await sandbox.Client.GetScaleAsync(Kinds.Of(kind), Namespace, "checkout", Ct);
        Assert.Equal(1, scale["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Verify_WithoutSimulation_TimesOut()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0", replicas: 2)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.Scale, "Deployment", "checkout", (ActionParameters.Replicas, "4"));

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task Plan_SameReplicas_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Deployment("checkout", "ghcr.io/example/checkout:1.0", replicas: 2)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.Scale, "Deployment", "checkout", (ActionParameters.Replicas, "2"));

        await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));
    }
}
