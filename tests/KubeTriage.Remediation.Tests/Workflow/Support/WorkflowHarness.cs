using KubeTriage.Remediation.Actions;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Tests.Actions.Support;
using KubeTriage.Remediation.Tests.Approvals;
using KubeTriage.Remediation.Tests.Audit;
using KubeTriage.Remediation.Workflow;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Remediation.Tests.Workflow.Support;

/// <summary>The corpus cluster in a sandbox that simulates controllers, a SQLite store and audit file, and services over them.</summary>
internal sealed class WorkflowHarness : IAsyncDisposable
{
    /// <summary>A policy as an operator of the shop team would write it: restarts, scaling and cleanup are safe in app namespaces.</summary>
    public const string SamplePolicy = """
        version: 1
        defaultTier: confirm
        maxBulkObjects: 5
        protectedNamespaces: [payments]
        rules:
          - {name: staging-frozen, tier: forbidden, namespaces: [staging]}
          - {name: restarts-apps, tier: safe, actions: [restart-pod, rollout-restart], namespaces: [shop, batch, incident]}
          - {name: scale-shop, tier: safe, actions: [scale], namespaces: [shop]}
          - {name: cleanup-failed-pods, tier: safe, actions: [delete-failed-pods], namespaces: [shop, batch, incident]}
          - {name: cronjobs-shop, tier: safe, actions: [suspend-cronjob, resume-cronjob], namespaces: [shop]}
          - {name: rollback-needs-a-person, tier: confirm, actions: [rollback]}
          - {name: memory-needs-a-person, tier: confirm, actions: [raise-memory-limit]}
        workflows:
          alert:
            defaultTier: confirm
          chat:
            rules:
              - {name: no-scaling-from-chat, tier: forbidden, actions: [scale]}
        """;

    private WorkflowHarness(ActionSandbox sandbox, AuditTestStore store, ManualClock clock)
    {
        Sandbox = sandbox;
        Store = store;
        Clock = clock;
    }

    public ActionSandbox Sandbox { get; }

    public AuditTestStore Store { get; }

    public ManualClock Clock { get; }

    /// <summary>Verification deadlines: the simulation answers at once, so a short wait is plenty.</summary>
    public static VerifyOptions Verify { get; } = new() { Timeout = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(25) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WorkflowHarness> StartAsync()
    {
        var clock = new ManualClock();
        var sandbox = await ActionSandbox.StartAsync(CorpusCluster.Objects(), simulate: true);
        return new WorkflowHarness(sandbox, await AuditTestStore.CreateAsync(clock), clock);
    }

    public ApprovalService Approvals(IKubeTriageStore? store = null)
        => new(store ?? Store.Store, Store.Trail(store), Options.Create(new ApprovalOptions()), Clock);

    /// <summary>Builds the service a server would, over the shared store; a second call with another policy stands for a restart with a new file.</summary>
    public RemediationService Service(string policyYaml = SamplePolicy, IKubeTriageStore? store = null)
    {
        var policy = PolicyLoader.Parse(policyYaml, "policy.yaml");
        Assert.False(policy.ForbidsEverything, policy.RefusalReason);
        return new RemediationService(ActionRegistry.Default, policy, Approvals(store), Store.Trail(store), Verify);
    }

    public Task<SortedSet<string>> FingerprintAsync() => ClusterFingerprint.TakeAsync(Sandbox.Client, Ct);

    public async Task<IReadOnlyList<Storage.AuditRecord>> AuditAfterAsync(long sequence)
        => await Store.Store.ListAuditRecordsAsync(sequence, cancellationToken: Ct);

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Store.DisposeAsync();
    }
}
