using System.Text.Json.Nodes;
using KubeTriage.Kubernetes;
using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class RollbackActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Revision 1 (v1) served; revision 2 (v2) is the one rolling out.
    private static JsonObject[] History() =>
    [
        Deployment("checkout", "ghcr.io/example/checkout:2.0", revision: 2),
        ReplicaSet("checkout", "5d8f7c9b6", "ghcr.io/example/checkout:1.0", revision: 1, replicas: 1, available: 1),
        ReplicaSet("checkout", "7f6d5c4b8", "ghcr.io/example/checkout:2.0", revision: 2, replicas: 2, available: 0),
    ];

    [Fact]
    public async Task Plan_DryRun_LeavesDeploymentUnchangedAndDiffsTheImage()
    {
        await using var sandbox = await ActionSandbox.StartAsync(History(), simulate: false);
        var before = await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout");
        var action = Support.Actions.Create(ActionTypes.Rollback, "Deployment", "checkout");

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        Assert.Equal(before.ToJsonString(), (await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout")).ToJsonString());
        Assert.Contains("- spec.template.spec.containers[app].image: ghcr.io/example/checkout:2.0\n+ spec.template.spec.containers[app].image: ghcr.io/example/checkout:1.0\n", plan.Diff, StringComparison.Ordinal);
        Assert.Contains("+ metadata.annotations[\"example.com/release\"]: r1", plan.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("pod-template-hash", plan.Diff, StringComparison.Ordinal);
        Assert.Contains("revision 1", plan.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_RestoresPreviousTemplateWithoutHashLabel_VerifySucceedsWithSimulation()
    {
        await using var sandbox = await ActionSandbox.StartAsync(History(), simulate: true);
        var action = Support.Actions.Create(ActionTypes.Rollback, "Deployment", "checkout");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Patient, Ct);

        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var deployment = await sandbox.GetAsync(ResourceTypes.Deployments, Namespace, "checkout");
        var template = deployment["spec"]!["template"]!;
        Assert.Equal("ghcr.io/example/checkout:1.0", template["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Null(template["metadata"]!["labels"]!["pod-template-hash"]);
        Assert.Equal("3", deployment["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>());

        // The simulated controller reuses the old ReplicaSet as revision 3, as the real one does.
        var old = await sandbox.GetAsync(ResourceTypes.ReplicaSets, Namespace, "checkout-5d8f7c9b6");
        Assert.Equal("3", old["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_WithoutSimulation_TimesOut()
    {
        await using var sandbox = await ActionSandbox.StartAsync(History(), simulate: false);
        var action = Support.Actions.Create(ActionTypes.Rollback, "Deployment", "checkout");

        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal(VerificationStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task Plan_NoPreviousRevision_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync(
            [Deployment("checkout", "ghcr.io/example/checkout:1.0"), ReplicaSet("checkout", "5d8f7c9b6", "ghcr.io/example/checkout:1.0", revision: 1, replicas: 2, available: 2)],
            simulate: false);
        var action = Support.Actions.Create(ActionTypes.Rollback, "Deployment", "checkout");

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));

        Assert.Contains("no previous revision", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ReplicaSetOfAnotherDeployment_IsNotHistory()
    {
        await using var sandbox = await ActionSandbox.StartAsync(
            [
                Deployment("checkout", "ghcr.io/example/checkout:2.0", revision: 2),
                ReplicaSet("checkout", "5d8f7c9b6", "ghcr.io/example/checkout:1.0", revision: 1, replicas: 0, available: 0, deploymentUid: "someone-else"),
                ReplicaSet("checkout", "7f6d5c4b8", "ghcr.io/example/checkout:2.0", revision: 2, replicas: 2, available: 0),
            ],
            simulate: false);
        var action = Support.Actions.Create(ActionTypes.Rollback, "Deployment", "checkout");

        await Assert.ThrowsAsync<ActionRefusedException>(() => action.PlanAsync(sandbox.Client, Ct));
    }
}
