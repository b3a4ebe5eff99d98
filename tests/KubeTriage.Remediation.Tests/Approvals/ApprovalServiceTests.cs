using KubeTriage.Remediation.Audit;
using KubeTriage.Remediation.Approvals;
using KubeTriage.Remediation.Policy;
using KubeTriage.Remediation.Tests.Audit;
using KubeTriage.Storage;
using Microsoft.Extensions.Options;

namespace KubeTriage.Remediation.Tests.Approvals;

public sealed class ApprovalServiceTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private AuditTestStore _test = null!;
    private ApprovalService _service = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _test = await AuditTestStore.CreateAsync(_clock);
        _service = Service(_test.Store);
    }

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task Request_Default_PendingForFifteenMinutesAndAuditedAsProposed()
    {
        var approval = await _service.RequestAsync(Restart(), Ct);

        Assert.Equal(ApprovalStatus.Pending, approval.Status);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), approval.ExpiresAt);
        Assert.Equal(("confirm", "restarts in prod need a person"), (approval.Tier, approval.Reason));
        var proposed = Assert.Single(await AuditAsync());
        Assert.Equal((AuditEvents.Proposed, "agent:coordinator", "coordinator", AuditApprovalTypes.None), (proposed.Event, proposed.Actor, proposed.Agent, proposed.ApprovalType));
        Assert.Equal((approval.Id, "prod", "shop", "deployment/checkout"), (proposed.ApprovalId, proposed.Cluster, proposed.Namespace, proposed.Target));
        Assert.Equal("""{"action":"rollout-restart","namespace":"shop","name":"checkout","token":"***"}""", proposed.Inputs);
        Assert.Contains("rule prod-restarts", proposed.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ConfiguredExpiry_IsUsed()
    {
        var service = Service(_test.Store, TimeSpan.FromMinutes(2));

        var approval = await service.RequestAsync(Restart(), Ct);

        Assert.Equal(_clock.GetUtcNow().AddMinutes(2), approval.ExpiresAt);
    }

    [Fact]
    public async Task Approve_BeforeExpiry_ApprovedAndAuditedAsHuman()
    {
        var id = (await _service.RequestAsync(Restart(), Ct)).Id;
        _clock.Advance(TimeSpan.FromMinutes(14));

        var approved = await _service.ApproveAsync(id, "user:alice", "go", Ct);

        Assert.Equal(ApprovalStatus.Approved, approved.Status);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditEvents.Approved, "user:alice", AuditApprovalTypes.Human, "approved: go"), (record.Event, record.Actor, record.ApprovalType, record.Outcome));
    }

    [Fact]
    public async Task Reject_Pending_RejectedAndAuditedAsRejected()
    {
        var id = (await _service.RequestAsync(Restart(), Ct)).Id;

        await _service.RejectAsync(id, "user:bob", cancellationToken: Ct);

        Assert.Equal(ApprovalStatus.Rejected, (await _service.GetAsync(id, Ct))!.Status);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditEvents.Rejected, "user:bob", AuditApprovalTypes.Rejected, "rejected"), (record.Event, record.Actor, record.ApprovalType, record.Outcome));
        Assert.Null(await _service.ClaimForExecutionAsync(id, Ct));
    }

    [Fact]
    public async Task Approve_AfterExpiry_ThrowsExpiredAndAuditsTheExpiryOnce()
    {
        var id = (await _service.RequestAsync(Restart(), Ct)).Id;
        _clock.Advance(TimeSpan.FromMinutes(15));

        var error = await Assert.ThrowsAsync<ApprovalExpiredException>(() => _service.ApproveAsync(id, "user:alice", cancellationToken: Ct));
        await Assert.ThrowsAsync<ApprovalExpiredException>(() => _service.RejectAsync(id, "user:bob", cancellationToken: Ct));

        Assert.Equal(ApprovalStatus.Expired, error.Approval.Status);
        Assert.Equal([AuditEvents.Proposed, AuditEvents.Expired], (await AuditAsync()).Select(r => r.Event));
        Assert.Equal(AuditApprovalTypes.Expired, (await AuditAsync())[^1].ApprovalType);
    }

    [Fact]
    public async Task ExpireDue_SweepsPastExpiryAndAuditsEach()
    {
        var early = (await _service.RequestAsync(Restart(), Ct)).Id;
        _clock.Advance(TimeSpan.FromMinutes(10));
        var late = (await _service.RequestAsync(Restart(), Ct)).Id;
        _clock.Advance(TimeSpan.FromMinutes(6));

        var expired = await _service.ExpireDueAsync(Ct);

        Assert.Equal([early], expired.Select(a => a.Id));
        Assert.Equal(ApprovalStatus.Pending, (await _service.GetAsync(late, Ct))!.Status);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditEvents.Expired, AuditTrail.SystemActor, early), (record.Event, record.Actor, record.ApprovalId));
    }

    [Fact]
    public async Task ClaimThenComplete_TwoServicesRacing_ExecutesOnceAndAuditsOutcome()
    {
        var other = Service(await _test.OpenStoreAsync(_clock));
        var id = (await _service.RequestAsync(Restart(), Ct)).Id;
        await _service.ApproveAsync(id, "user:alice", cancellationToken: Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? _service : other).ClaimForExecutionAsync(id, Ct))));
        var done = await _service.CompleteAsync(id, succeeded: false, "error: deployments.apps \"checkout\" not found", Ct);

        Assert.Equal(ApprovalStatus.Executing, Assert.Single(claims, c => c is not null)!.Status);
        Assert.Equal(ApprovalStatus.Failed, done.Status);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditEvents.Failed, AuditApprovalTypes.Human), (record.Event, record.ApprovalType));
        Assert.StartsWith("error: deployments.apps", record.Outcome, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidApprovalTransitionException>(() => other.CompleteAsync(id, succeeded: true, "again", Ct));
    }

    [Fact]
    public async Task RecoverAfterRestart_ApprovedExecutingAndDue_SortedOutAndAudited()
    {
        var executing = (await _service.RequestAsync(Restart(), Ct)).Id;
        var approved = (await _service.RequestAsync(Restart(), Ct)).Id;
        var pending = (await _service.RequestAsync(Restart(), Ct)).Id;
        await _service.ApproveAsync(executing, "user:alice", cancellationToken: Ct);
        await _service.ApproveAsync(approved, "user:alice", cancellationToken: Ct);
        Assert.NotNull(await _service.ClaimForExecutionAsync(executing, Ct));
        _clock.Advance(TimeSpan.FromHours(1));

        // A new process starts on the same database.
        var restarted = Service(await _test.OpenStoreAsync(_clock));
        var recovery = await restarted.RecoverAfterRestartAsync(Ct);

        Assert.Equal([approved], recovery.ToExecute.Select(a => a.Id));
        Assert.Equal([executing], recovery.Interrupted.Select(a => a.Id));
        Assert.Equal([pending], recovery.Expired.Select(a => a.Id));
        Assert.NotNull(await restarted.ClaimForExecutionAsync(approved, Ct));
        Assert.Null(await _service.ClaimForExecutionAsync(approved, Ct));
        Assert.Equal([AuditEvents.Interrupted, AuditEvents.Expired], (await AuditAsync()).TakeLast(2).Select(r => r.Event));

        // A person checks the cluster and decides again.
        var again = await restarted.ApproveAsync(executing, "user:bob", "not applied, run it", Ct);
        Assert.Equal(ApprovalStatus.Approved, again.Status);
        var verification = await _test.VerifyAsync();
        Assert.True(verification.Ok, string.Join("\n", verification.Problems.Select(p => p.Message)));
    }

    private ApprovalService Service(IKubeTriageStore store, TimeSpan? expiry = null)
        => new(store, _test.Trail(store), Options.Create(new ApprovalOptions { Expiry = expiry ?? new ApprovalOptions().Expiry }), _clock);

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync() => await _test.Store.ListAuditRecordsAsync(cancellationToken: Ct);

    private static ApprovalRequest Restart() => new()
    {
        Action = "rollout-restart",
        Summary = "Restart deployment/checkout in shop",
        Payload = """{"action":"rollout-restart","namespace":"shop","name":"checkout","token":"t0k"}""",
        Decision = new PolicyDecision(RiskTier.Confirm, "restarts in prod need a person", "prod-restarts"),
        RequestedBy = "agent:coordinator",
        Agent = "coordinator",
        Cluster = "prod",
        Namespace = "shop",
        Target = "deployment/checkout",
    };
}
