namespace KubeTriage.Storage.Tests;

/// <summary>Approvals: life cycle, expiry, the exactly-once claim and crash recovery.</summary>
public abstract partial class StoreContractTests
{
    // Approval times come from the caller, not the store's clock: each test states them.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(4_567);

    [Fact]
    public async Task CreateApproval_ThenGet_RoundTripsEveryField()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);
        var request = Restart() with
        {
            ThreadId = thread.Id,
            DryRunDiff = "-  replicas: 2\n+  replicas: 3 ✓",
            Payload = """{"kind":"Deployment","name":"checkout","b":1,"a":2}""",
        };

        var created = await store.CreateApprovalAsync(request, T0, Ct);
        var read = await store.GetApprovalAsync(created.Id, Ct);

        Assert.Equal(created, read);
        Assert.StartsWith("apr_", created.Id, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, read!.Status);
        Assert.Equal(T0.UtcTicks - 7, read.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.ExpiresAt.Offset);
        Assert.Equal(request.Payload, read.Payload);
        Assert.Equal((thread.Id, "prod", "shop", "deployment/checkout"), (read.ThreadId, read.Cluster, read.Namespace, read.Target));
        Assert.Equal(request.DryRunDiff, read.DryRunDiff);
        Assert.Null(read.DecidedBy);
        Assert.Null(read.ClaimedAt);
        Assert.Null(await store.GetApprovalAsync("apr_unknown", Ct));
    }

    [Fact]
    public async Task CreateApproval_UnknownThreadOrExpiryNotAfterNow_IsRejected()
    {
        var store = await StartAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.CreateApprovalAsync(Restart() with { ThreadId = "thr_unknown" }, T0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApprovalAsync(Restart() with { ExpiresAt = T0 }, T0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApprovalAsync(Restart() with { Summary = "" }, T0, Ct));
        Assert.Empty((await store.ListApprovalsAsync(new ApprovalQuery(), Ct)).Items);
    }

    [Theory]
    [InlineData(ApprovalDecision.Approve, ApprovalStatus.Approved)]
    [InlineData(ApprovalDecision.Reject, ApprovalStatus.Rejected)]
    public async Task DecideApproval_BeforeExpiry_RecordsDecisionOnce(ApprovalDecision decision, ApprovalStatus expected)
    {
        var store = await StartAsync();
        var id = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;

        var decided = await store.DecideApprovalAsync(id, decision, "user:alice", "looks right", T0.AddMinutes(14), Ct);

        Assert.Equal(expected, decided.Status);
        Assert.Equal(("user:alice", "looks right"), (decided.DecidedBy, decided.DecisionNote));
        Assert.Equal(T0.AddMinutes(14).UtcTicks - 7, decided.DecidedAt!.Value.UtcTicks);
        Assert.Equal(decided, await store.GetApprovalAsync(id, Ct));
        var again = await Assert.ThrowsAsync<InvalidApprovalTransitionException>(() => store.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:bob", null, T0.AddMinutes(1), Ct));
        Assert.Equal((expected, ApprovalStatus.Approved), (again.From, again.To));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.DecideApprovalAsync("apr_unknown", decision, "user:alice", null, T0, Ct));
    }

    [Fact]
    public async Task DecideApproval_AtOrAfterExpiry_ExpiresItAndThrowsExpired()
    {
        var store = await StartAsync();
        var id = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;

        var late = await Assert.ThrowsAsync<ApprovalExpiredException>(() => store.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:alice", null, T0.AddMinutes(15), Ct));
        var later = await Assert.ThrowsAsync<ApprovalExpiredException>(() => store.DecideApprovalAsync(id, ApprovalDecision.Reject, "user:bob", null, T0.AddMinutes(16), Ct));

        Assert.True(late.ExpiredNow);
        Assert.False(later.ExpiredNow);
        Assert.Equal(ApprovalStatus.Expired, late.Approval.Status);
        Assert.Contains("expired", late.Message, StringComparison.Ordinal);
        var read = await store.GetApprovalAsync(id, Ct);
        Assert.Equal(ApprovalStatus.Expired, read!.Status);
        Assert.Null(read.DecidedBy);
    }

    [Fact]
    public async Task ExpireApprovals_Sweep_ExpiresOnlyPendingPastExpiry()
    {
        var store = await StartAsync();
        var due = await store.CreateApprovalAsync(Restart() with { ExpiresAt = T0.AddMinutes(5) }, T0, Ct);
        var notDue = await store.CreateApprovalAsync(Restart() with { ExpiresAt = T0.AddMinutes(30) }, T0, Ct);
        var approved = await store.CreateApprovalAsync(Restart() with { ExpiresAt = T0.AddMinutes(5) }, T0, Ct);
        await store.DecideApprovalAsync(approved.Id, ApprovalDecision.Approve, "user:alice", null, T0.AddMinutes(1), Ct);

        var expired = await store.ExpireApprovalsAsync(T0.AddMinutes(10), Ct);

        Assert.Equal([due.Id], expired.Select(a => a.Id));
        Assert.Equal(ApprovalStatus.Expired, expired[0].Status);
        Assert.Equal(ApprovalStatus.Pending, (await store.GetApprovalAsync(notDue.Id, Ct))!.Status);
        Assert.Equal(ApprovalStatus.Approved, (await store.GetApprovalAsync(approved.Id, Ct))!.Status);
        Assert.Empty(await store.ExpireApprovalsAsync(T0.AddMinutes(10), Ct));
    }

    [Fact]
    public async Task TryClaimApproval_TwoStoresRacing_ExactlyOneWins()
    {
        var first = await StartAsync();
        var second = Open();
        var id = (await first.CreateApprovalAsync(Restart(), T0, Ct)).Id;
        await first.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:alice", null, T0, Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryClaimApprovalAsync(id, T0.AddSeconds(1), Ct))));

        Assert.Single(claims, won => won);
        var read = await second.GetApprovalAsync(id, Ct);
        Assert.Equal(ApprovalStatus.Executing, read!.Status);
        Assert.Equal(T0.AddSeconds(1).UtcTicks - 7, read.ClaimedAt!.Value.UtcTicks);
        Assert.False(await first.TryClaimApprovalAsync(id, T0, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => first.TryClaimApprovalAsync("apr_unknown", T0, Ct));
    }

    [Fact]
    public async Task TryClaimApproval_NotApproved_ReturnsFalse()
    {
        var store = await StartAsync();
        var id = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;

        Assert.False(await store.TryClaimApprovalAsync(id, T0, Ct));
        Assert.Equal(ApprovalStatus.Pending, (await store.GetApprovalAsync(id, Ct))!.Status);
    }

    [Theory]
    [InlineData(ApprovalStatus.Executed)]
    [InlineData(ApprovalStatus.Failed)]
    public async Task CompleteApproval_Executing_StoresResultAndFinishes(ApprovalStatus outcome)
    {
        var store = await StartAsync();
        var id = await ClaimedAsync(store);

        var done = await store.CompleteApprovalAsync(id, outcome, "deployment.apps/checkout restarted", T0.AddMinutes(2), Ct);

        Assert.Equal(outcome, done.Status);
        Assert.Equal("deployment.apps/checkout restarted", done.Result);
        Assert.Equal(T0.AddMinutes(2).UtcTicks - 7, done.ExecutedAt!.Value.UtcTicks);
        Assert.Equal(done, await store.GetApprovalAsync(id, Ct));
        var twice = await Assert.ThrowsAsync<InvalidApprovalTransitionException>(() => store.CompleteApprovalAsync(id, ApprovalStatus.Executed, "again", T0, Ct));
        Assert.Equal(outcome, twice.From);
    }

    [Fact]
    public async Task CompleteApproval_NotExecutingOrBadOutcome_IsRejected()
    {
        var store = await StartAsync();
        var id = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;

        await Assert.ThrowsAsync<InvalidApprovalTransitionException>(() => store.CompleteApprovalAsync(id, ApprovalStatus.Executed, "r", T0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteApprovalAsync(id, ApprovalStatus.Approved, "r", T0, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.CompleteApprovalAsync("apr_unknown", ApprovalStatus.Failed, "r", T0, Ct));
        Assert.Equal(ApprovalStatus.Pending, (await store.GetApprovalAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task Recovery_ApprovedAndExecuting_ListsUnclaimedAndInterruptsExecuting()
    {
        var store = await StartAsync();
        var executing = await ClaimedAsync(store);
        var second = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;
        var first = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;
        await store.DecideApprovalAsync(first, ApprovalDecision.Approve, "user:alice", null, T0.AddMinutes(1), Ct);
        await store.DecideApprovalAsync(second, ApprovalDecision.Approve, "user:alice", null, T0.AddMinutes(2), Ct);

        var interrupted = await store.InterruptExecutingApprovalsAsync(T0.AddMinutes(3), Ct);
        var unclaimed = await store.ListApprovedUnclaimedAsync(Ct);

        Assert.Equal([executing], interrupted.Select(a => a.Id));
        Assert.Equal(ApprovalStatus.Interrupted, (await store.GetApprovalAsync(executing, Ct))!.Status);
        Assert.Equal([first, second], unclaimed.Select(a => a.Id));
        Assert.Empty(await store.InterruptExecutingApprovalsAsync(T0.AddMinutes(3), Ct));
    }

    [Fact]
    public async Task InterruptExecutingApprovals_ClaimedAfterCutoff_IsLeftRunning()
    {
        var store = await StartAsync();
        var id = await ClaimedAsync(store);

        Assert.Empty(await store.InterruptExecutingApprovalsAsync(T0.AddSeconds(-1), Ct));
        Assert.Equal(ApprovalStatus.Executing, (await store.GetApprovalAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task DecideApproval_Interrupted_CanBeDecidedAgainEvenPastExpiry()
    {
        var store = await StartAsync();
        var id = await ClaimedAsync(store);
        await store.InterruptExecutingApprovalsAsync(T0.AddMinutes(1), Ct);

        var again = await store.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:bob", "checked: not applied", T0.AddHours(2), Ct);

        Assert.Equal(ApprovalStatus.Approved, again.Status);
        Assert.Equal("user:bob", again.DecidedBy);
        Assert.True(await store.TryClaimApprovalAsync(id, T0.AddHours(2), Ct));
    }

    [Fact]
    public async Task ListApprovals_PagedAndFiltered_NewestFirst()
    {
        var store = await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.CreateApprovalAsync(Restart() with { ExpiresAt = T0.AddHours(1) }, T0.AddSeconds(i), Ct)).Id);
        }

        await store.DecideApprovalAsync(ids[1], ApprovalDecision.Reject, "user:alice", null, T0.AddMinutes(1), Ct);
        var first = await store.ListApprovalsAsync(new ApprovalQuery { Limit = 2 }, Ct);
        var second = await store.ListApprovalsAsync(new ApprovalQuery { Limit = 2, Cursor = first.NextCursor }, Ct);
        var third = await store.ListApprovalsAsync(new ApprovalQuery { Limit = 2, Cursor = second.NextCursor }, Ct);
        var rejected = await store.ListApprovalsAsync(new ApprovalQuery { Status = ApprovalStatus.Rejected }, Ct);

        ids.Reverse();
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Id));
        Assert.Null(third.NextCursor);
        Assert.Equal([ids[3]], rejected.Items.Select(a => a.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListApprovalsAsync(new ApprovalQuery { Cursor = "nope!" }, Ct));
    }

    protected static NewApproval Restart() => new()
    {
        Action = "rollout-restart",
        Summary = "Restart deployment/checkout in shop",
        Payload = """{"action":"rollout-restart","namespace":"shop","name":"checkout"}""",
        Tier = "confirm",
        Reason = "restarts need a person in prod",
        RequestedBy = "agent:coordinator",
        ExpiresAt = T0.AddMinutes(15),
        Cluster = "prod",
        Namespace = "shop",
        Target = "deployment/checkout",
    };

    private static async Task<string> ClaimedAsync(IKubeTriageStore store)
    {
        var id = (await store.CreateApprovalAsync(Restart(), T0, Ct)).Id;
        await store.DecideApprovalAsync(id, ApprovalDecision.Approve, "user:alice", null, T0, Ct);
        Assert.True(await store.TryClaimApprovalAsync(id, T0, Ct));
        return id;
    }
}
