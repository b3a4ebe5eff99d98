using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class DeleteFailedPodsActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static System.Text.Json.Nodes.JsonObject[] Pods() =>
    [
        Pod("etl-worker-7c9-abcde", Owner("ReplicaSet", "etl-worker-7c9", "rs-etl"), phase: "Failed", ready: false, reason: "Evicted"),
        Pod("etl-worker-7c9-fghjk", Owner("ReplicaSet", "etl-worker-7c9", "rs-etl"), phase: "Failed", ready: false),
        Pod("etl-worker-7c9-lmnpq", Owner("ReplicaSet", "etl-worker-7c9", "rs-etl")),
    ];

    [Fact]
    public async Task Plan_CountsFailedPodsAndKeepsThem()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Pods(), simulate: false);
        var action = Support.Actions.Create(ActionTypes.DeleteFailedPods, "Namespace", Namespace);

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        Assert.Equal(3, (await sandbox.Client.ListAsync(ResourceTypes.Pods, Namespace, cancellationToken: Ct)).Items.Count);
        Assert.Equal(2, plan.Request.MatchedObjects);
        Assert.Equal("delete", plan.Request.Verb);
        Assert.Equal("Pod", plan.Request.Kind);
        Assert.Equal(Namespace, plan.Request.Namespace);
        Assert.Null(plan.Request.Name);
        Assert.Contains("- Pod/shop/etl-worker-7c9-abcde: phase Failed, reason Evicted: The node was low on resource: memory.", plan.Diff, StringComparison.Ordinal);
        Assert.Contains("- Pod/shop/etl-worker-7c9-fghjk: phase Failed", plan.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("lmnpq", plan.Diff, StringComparison.Ordinal);
    }

    // A finished pod has nothing to stop, so the server removes it at once: no simulation needed.
    [Fact]
    public async Task Execute_DeletesOnlyFailedPods_VerifySucceedsWithoutSimulation()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Pods(), simulate: false);
        var action = Support.Actions.Create(ActionTypes.DeleteFailedPods, "Namespace", Namespace);

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var left = Assert.Single((await sandbox.Client.ListAsync(ResourceTypes.Pods, Namespace, cancellationToken: Ct)).Items);
        Assert.Equal("etl-worker-7c9-lmnpq", left["metadata"]!["name"]!.GetValue<string>());
    }

    // What a person approved is what runs: a pod that fails after the dry run is not deleted by that approval.
    [Fact]
    public async Task Execute_OfAPlannedAction_DeletesOnlyThePodsThePlanShowed()
    {
        await using var sandbox = await ActionSandbox.StartAsync(Pods(), simulate: false);
        var registry = new ActionRegistry();
        var plan = await registry.Create(new Core.Diagnosis.SuggestedAction { Type = ActionTypes.DeleteFailedPods, Target = new Core.Model.ObjectRef("Namespace", null, Namespace) })
            .PlanAsync(sandbox.Client, Ct);
        await sandbox.Client.CreateAsync(ResourceTypes.Pods, Namespace, Pod("etl-worker-7c9-rstuv", Owner("ReplicaSet", "etl-worker-7c9", "rs-etl"), phase: "Failed", ready: false), cancellationToken: Ct);

        var pinned = registry.Create(ActionJson.Deserialize(ActionJson.Serialize(plan.Action)));
        var execution = await pinned.ExecuteAsync(sandbox.Client, Ct);

        Assert.Equal("etl-worker-7c9-abcde,etl-worker-7c9-fghjk", plan.Action.Parameter(ActionParameters.Pods));
        Assert.Equal(2, execution.Request.MatchedObjects);
        var left = (await sandbox.Client.ListAsync(ResourceTypes.Pods, Namespace, cancellationToken: Ct)).Items.Select(p => p["metadata"]!["name"]!.GetValue<string>()).Order();
        Assert.Equal(["etl-worker-7c9-lmnpq", "etl-worker-7c9-rstuv"], left);
    }

    [Fact]
    public async Task Plan_NoFailedPods_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync([Pod("checkout-1-abcde", Owner("ReplicaSet", "checkout-1", "rs-1"))], simulate: false);
        var action = Support.Actions.Create(ActionTypes.DeleteFailedPods, "Namespace", Namespace);

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));

        Assert.Equal("namespace shop has no Failed pods", refused.Message);
    }
}
