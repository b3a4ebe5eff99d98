using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class RestartPodActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static System.Text.Json.Nodes.JsonObject[] Owned() =>
    [
        ReplicaSet("checkout", "5d8f7c9b6", "ghcr.io/example/checkout:1.0", revision: 1, replicas: 1, available: 0),
        Pod("checkout-5d8f7c9b6-x2k4p", Owner("ReplicaSet", "checkout-5d8f7c9b6", "rs-5d8f7c9b6"), ready: false),
    ];

    [Fact]
    public async Task Plan_BarePod_IsRefusedWithReason()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Pod("debug-shell")], simulate: true);
        var action = Support.Actions.Create(ActionTypes.RestartPod, "Pod", "debug-shell");

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));

        Assert.Equal("pod shop/debug-shell has no ownerReferences: nothing would recreate it after a delete", refused.Message);
        await sandbox.GetAsync(ResourceTypes.Pods, Namespace, "debug-shell");
    }

    [Fact]
    public async Task Plan_DryRun_KeepsThePod()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Owned(), simulate: false);
        var action = Support.Actions.Create(ActionTypes.RestartPod, "Pod", "checkout-5d8f7c9b6-x2k4p");

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        var pod = await sandbox.GetAsync(ResourceTypes.Pods, Namespace, "checkout-5d8f7c9b6-x2k4p");
        Assert.Null(pod["metadata"]!["deletionTimestamp"]);
        Assert.Equal("delete", plan.Request.Verb);
        Assert.Equal("checkout-5d8f7c9b6-x2k4p", plan.Request.Name);
        Assert.Contains("+++ /dev/null (deleted)", plan.Diff, StringComparison.Ordinal);
        Assert.Contains("controlled by ReplicaSet checkout-5d8f7c9b6", plan.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_WithSimulation_ReplacementIsReady()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Owned(), simulate: true);
        var action = Support.Actions.Create(ActionTypes.RestartPod, "Pod", "checkout-5d8f7c9b6-x2k4p");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var pods = await sandbox.Client.ListAsync(ResourceTypes.Pods, Namespace, cancellationToken: Ct);
        var replacement = Assert.Single(pods.Items);
        Assert.StartsWith("checkout-5d8f7c9b6-", replacement["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual("checkout-5d8f7c9b6-x2k4p-uid", replacement["metadata"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_WithoutSimulation_TimesOutWithThePodTerminating()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Owned(), simulate: false);
        var action = Support.Actions.Create(ActionTypes.RestartPod, "Pod", "checkout-5d8f7c9b6-x2k4p");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.TimedOut, result.Status);
        Assert.Contains("has not created a replacement", result.Message, StringComparison.Ordinal);
        var pod = await sandbox.GetAsync(ResourceTypes.Pods, Namespace, "checkout-5d8f7c9b6-x2k4p");
        Assert.NotNull(pod["metadata"]!["deletionTimestamp"]);
    }
}
