using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Tests.Actions.Support;
using static KubeTriage.Remediation.Tests.Actions.Support.TestObjects;

namespace KubeTriage.Remediation.Tests.Actions;

public sealed class CronJobSuspendActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resume_SuspendedScenarioCronJob_DiffsExecutesAndVerifies()
    {
        await using var sandbox = await ActionSandbox.FromScenarioAsync("cronjob-suspended", simulate: false);
        var action = ActionRegistry.Default.Create(new Core.Diagnosis.SuggestedAction
        {
            Type = ActionTypes.ResumeCronJob,
            Target = new Core.Model.ObjectRef("CronJob", "pricing", "exchange-rates-sync"),
        });

        var plan = await action.PlanAsync(sandbox.Client, Ct);
        var execution = await action.ExecuteAsync(sandbox.Client, Ct);
        var result = await action.VerifyAsync(sandbox.Client, execution, Verify.Short, Ct);

        Assert.Equal("--- CronJob/pricing/exchange-rates-sync (live)\n+++ CronJob/pricing/exchange-rates-sync (after)\n- spec.suspend: true\n+ spec.suspend: false\n", plan.Diff);
        Assert.Equal(VerificationStatus.Succeeded, result.Status);
        var cronJob = await sandbox.Client.GetAsync(new Kubernetes.ResourceType("batch", "v1", "cronjobs", "CronJob", true), "pricing", "exchange-rates-sync", Ct);
        Assert.False(cronJob["spec"]!["suspend"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Suspend_DryRun_LeavesCronJobRunning()
    {
        await using var sandbox = await ActionSandbox.StartAsync([CronJob("nightly-backup", suspend: false)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.SuspendCronJob, "CronJob", "nightly-backup");

        var plan = await action.PlanAsync(sandbox.Client, Ct);

        Assert.Contains("+ spec.suspend: true", plan.Diff, StringComparison.Ordinal);
        var cronJob = await sandbox.Client.GetAsync(new Kubernetes.ResourceType("batch", "v1", "cronjobs", "CronJob", true), Namespace, "nightly-backup", Ct);
        Assert.False(cronJob["spec"]!["suspend"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Suspend_AlreadySuspended_IsRefused()
    {
        await using var sandbox = await ActionSandbox.StartAsync([CronJob("nightly-backup", suspend: true)], simulate: false);
        var action = Support.Actions.Create(ActionTypes.SuspendCronJob, "CronJob", "nightly-backup");

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => action.ExecuteAsync(sandbox.Client, Ct));

        Assert.Equal("CronJob shop/nightly-backup is already suspended", refused.Message);
    }
}
