namespace KubeTriage.Storage.Tests;

/// <summary>Listing, alert dedup, concurrency, migrations and durability.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListInvestigations_Paged_NewestFirstAndStableWhenNewOnesArrive()
    {
        var store = await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await store.CreateInvestigationAsync(Api("q" + i), Ct)).Investigation.Id);
        }

        var first = await store.ListInvestigationsAsync(new InvestigationQuery { Limit = 3 }, Ct);
        await store.CreateInvestigationAsync(Api("arrived meanwhile"), Ct);
        var second = await store.ListInvestigationsAsync(new InvestigationQuery { Limit = 3, Cursor = first.NextCursor }, Ct);
        var third = await store.ListInvestigationsAsync(new InvestigationQuery { Limit = 3, Cursor = second.NextCursor }, Ct);

        ids.Reverse();
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id));
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        Assert.Single(third.Items);
    }

    [Fact]
    public async Task ListInvestigations_EachFilter_MatchesOnlyItsRows()
    {
        var store = await StartAsync();
        var web = (await store.CreateInvestigationAsync(Api("Why is CHECKOUT 100% down?") with { Cluster = "prod", Namespace = "shop" }, Ct)).Investigation;
        var cli = (await store.CreateInvestigationAsync(new NewInvestigation { Source = InvestigationSource.Cli, Query = "payments_v2 slow", Cluster = "staging" }, Ct)).Investigation;
        var hook = (await store.CreateInvestigationAsync(new NewInvestigation { Source = InvestigationSource.Webhook, Query = "disk full", Cluster = "prod", Namespace = "db" }, Ct)).Investigation;
        await store.UpdateStatusAsync(cli.Id, InvestigationStatus.Running, Ct);

        async Task<string[]> Ids(InvestigationQuery query) => [.. (await store.ListInvestigationsAsync(query, Ct)).Items.Select(i => i.Id)];

        Assert.Equal([cli.Id], await Ids(new() { Status = InvestigationStatus.Running }));
        Assert.Equal([hook.Id], await Ids(new() { Source = InvestigationSource.Webhook }));
        Assert.Equal([hook.Id, web.Id], await Ids(new() { Cluster = "prod" }));
        Assert.Equal([web.Id], await Ids(new() { Cluster = "prod", Namespace = "shop" }));
        Assert.Equal([web.Id], await Ids(new() { TextContains = "checkout 100%" }));
        Assert.Empty(await Ids(new() { TextContains = "100%%" }));
        Assert.Equal([cli.Id], await Ids(new() { TextContains = "_v2" }));
        Assert.Equal([hook.Id, cli.Id], await Ids(new() { Since = cli.CreatedAt }));
        Assert.Equal([web.Id], await Ids(new() { Until = cli.CreatedAt }));
        Assert.Equal([cli.Id], await Ids(new() { Since = cli.CreatedAt, Until = hook.CreatedAt }));
    }

    [Fact]
    public async Task ListInvestigations_BadCursorOrLimit_ThrowsArgumentException()
    {
        var store = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ListInvestigationsAsync(new InvestigationQuery { Cursor = "not a cursor!" }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListInvestigationsAsync(new InvestigationQuery { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListInvestigationsAsync(new InvestigationQuery { Limit = InvestigationQuery.MaxLimit + 1 }, Ct));
    }

    [Fact]
    public async Task CreateInvestigation_SameAlertTwice_ReturnsTheFirst()
    {
        var store = await StartAsync();
        var startsAt = SteppingClock.Start.AddMinutes(-5);
        var alert = new NewInvestigation { Source = InvestigationSource.Alert, Query = "KubePodCrashLooping", AlertFingerprint = "fp1", AlertStartsAt = startsAt };

        var first = await store.CreateInvestigationAsync(alert, Ct);
        var again = await store.CreateInvestigationAsync(alert with { Query = "re-sent" }, Ct);
        var refired = await store.CreateInvestigationAsync(alert with { AlertStartsAt = startsAt.AddHours(1) }, Ct);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Investigation, again.Investigation);
        Assert.True(refired.Created);
        Assert.Equal(first.Investigation, await store.FindByFingerprintAsync("fp1", startsAt, Ct));
        Assert.Null(await store.FindByFingerprintAsync("fp2", startsAt, Ct));
    }

    [Fact]
    public async Task CreateInvestigation_SameAlertConcurrently_CreatesOne()
    {
        var store = await StartAsync();
        var alert = new NewInvestigation { Source = InvestigationSource.Alert, Query = "q", AlertFingerprint = "fp", AlertStartsAt = SteppingClock.Start };

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.CreateInvestigationAsync(alert, Ct))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Investigation.Id).Distinct());
    }

    [Fact]
    public async Task Writers_SeveralTasksAtOnce_AllWritesKept()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var id = (await store.CreateInvestigationAsync(Api($"w{writer} #{i}") with { ThreadId = thread.Id }, Ct)).Investigation.Id;
                await store.AppendMessageAsync(thread.Id, MessageRole.User, $"w{writer} #{i}", Ct);
                await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);
            }
        })));

        var page = await store.ListInvestigationsAsync(new InvestigationQuery { Limit = 100, Status = InvestigationStatus.Running }, Ct);
        Assert.Equal(20, page.Items.Count);
        var messages = (await store.GetThreadAsync(thread.Id, Ct))!.Messages;
        Assert.Equal(20, messages.Count);
        foreach (var writer in Enumerable.Range(0, 4))
        {
            // Each writer's own messages keep its order even when interleaved with the others.
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"w{writer} #{i}"), messages.Select(m => m.Content).Where(c => c.StartsWith($"w{writer} ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_AppliesEachMigrationOnce()
    {
        var store = await StartAsync();

        await store.MigrateAsync(Ct);
        var history = await store.GetMigrationHistoryAsync(Ct);

        Assert.Equal([(1, "threads"), (2, "investigations"), (3, "approvals_audit")], history.Select(m => (m.Version, m.Name)));
        Assert.All(history, m => Assert.Equal(TimeSpan.Zero, m.AppliedAt.Offset));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentStarters_ApplyEachMigrationOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(Ct))));

        var history = await stores[0].GetMigrationHistoryAsync(Ct);
        Assert.Equal([1, 2, 3], history.Select(m => m.Version));
        Assert.NotNull((await stores[3].CreateInvestigationAsync(Api("works"), Ct)).Investigation);
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEverything()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);
        await store.AppendMessageAsync(thread.Id, MessageRole.User, "hello", Ct);
        var id = (await store.CreateInvestigationAsync(Api("q") with { ThreadId = thread.Id }, Ct)).Investigation.Id;
        await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);
        var completed = await store.CompleteAsync(id, TestReports.Real, TestReports.Metrics, Ct);
        await store.DisposeAsync();

        var reopened = await StartAsync();

        var read = await reopened.GetInvestigationAsync(id, Ct);
        Assert.Equal(completed.FinishedAt, read!.FinishedAt);
        Assert.Equal(TestReports.Real.Summary, read.Report!.Summary);
        Assert.Equal("hello", Assert.Single((await reopened.GetThreadAsync(thread.Id, Ct))!.Messages).Content);
        Assert.Equal(3, (await reopened.GetMigrationHistoryAsync(Ct)).Count);
    }
}
