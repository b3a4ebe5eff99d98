using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Core.Reports;

namespace KubeTriage.Storage.Tests;

/// <summary>The behaviour every store engine must have; each engine's test class supplies a fresh, empty location per test.</summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IKubeTriageStore> _opened = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal SteppingClock Clock { get; } = new();

    public virtual ValueTask InitializeAsync() => CreateLocationAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DeleteLocationAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task GetThread_NewThread_HasNoMessages()
    {
        var store = await StartAsync();

        var thread = await store.CreateThreadAsync(Ct);
        var read = await store.GetThreadAsync(thread.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(thread.Id, read.Id);
        Assert.Equal(thread.CreatedAt, read.CreatedAt);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
        Assert.Empty(read.Messages);
        Assert.Null(read.LastReportSummary);
        Assert.Null(await store.GetThreadAsync("thr_unknown", Ct));
    }

    [Fact]
    public async Task GetOrCreateThread_ClientChosenId_CreatesOnceThenReturnsTheSameThread()
    {
        var store = await StartAsync();

        var created = await store.GetOrCreateThreadAsync("chat-7f3a_b", Ct);
        await store.AppendMessageAsync(created.Id, MessageRole.User, "list my pods", Ct);
        var again = await store.GetOrCreateThreadAsync("chat-7f3a_b", Ct);

        Assert.Equal("chat-7f3a_b", created.Id);
        Assert.Empty(created.Messages);
        Assert.Equal("list my pods", Assert.Single(again.Messages).Content);
    }

    [Fact]
    public async Task AppendMessage_Several_ReadBackInAppendOrder()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);

        var first = await store.AppendMessageAsync(thread.Id, MessageRole.User, "why is checkout down?", Ct);
        var second = await store.AppendMessageAsync(thread.Id, MessageRole.Assistant, "Secret `db-creds` is missing.", Ct);
        var third = await store.AppendMessageAsync(thread.Id, MessageRole.User, "and in staging? ünïcode ✓", Ct);
        var read = await store.GetThreadAsync(thread.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal([first, second, third], read.Messages);
        Assert.True(first.Sequence < second.Sequence && second.Sequence < third.Sequence);
        Assert.Equal(third.Timestamp, read.UpdatedAt);
    }

    [Fact]
    public async Task AppendMessage_UnknownThread_ThrowsKeyNotFound()
    {
        var store = await StartAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.AppendMessageAsync("thr_unknown", MessageRole.User, "hi", Ct));
    }

    [Fact]
    public async Task CreateInvestigation_ThenGet_RoundTripsEveryField()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);
        var startsAt = new DateTimeOffset(2026, 2, 27, 23, 59, 58, TimeSpan.FromHours(2)).AddTicks(7);

        var result = await store.CreateInvestigationAsync(
            new NewInvestigation
            {
                Source = InvestigationSource.Alert,
                Query = "KubePodCrashLooping checkout",
                ThreadId = thread.Id,
                Cluster = "prod-eu",
                Namespace = "shop",
                AlertFingerprint = "a1b2c3",
                AlertStartsAt = startsAt,
            },
            Ct);
        var read = await store.GetInvestigationAsync(result.Investigation.Id, Ct);

        Assert.True(result.Created);
        Assert.Equal(result.Investigation, read);
        Assert.Equal(InvestigationStatus.Queued, read!.Status);
        Assert.Equal(InvestigationSource.Alert, read.Source);
        Assert.Equal(thread.Id, read.ThreadId);
        Assert.Equal(("prod-eu", "shop", "a1b2c3"), (read.Cluster, read.Namespace, read.AlertFingerprint));
        Assert.Equal(startsAt.UtcTicks - 7, read.AlertStartsAt!.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
        Assert.Null(read.StartedAt);
        Assert.Null(read.Report);
        Assert.Null(await store.GetInvestigationAsync("inv_unknown", Ct));
    }

    [Fact]
    public async Task CreateInvestigation_UnknownThreadOrHalfAnAlert_IsRejected()
    {
        var store = await StartAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.CreateInvestigationAsync(Api("q") with { ThreadId = "thr_unknown" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateInvestigationAsync(Api("q") with { AlertFingerprint = "f" }, Ct));
        Assert.Empty((await store.ListInvestigationsAsync(new InvestigationQuery(), Ct)).Items);
    }

    [Fact]
    public async Task Complete_RunningInvestigation_StoresRealReportAndMetrics()
    {
        var store = await StartAsync();
        var report = TestReports.Real;
        var id = (await store.CreateInvestigationAsync(Api("why is checkout down?"), Ct)).Investigation.Id;

        var running = await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);
        var done = await store.CompleteAsync(id, report, TestReports.Metrics, Ct);
        var read = await store.GetInvestigationAsync(id, Ct);

        Assert.Equal(InvestigationStatus.Running, running.Status);
        Assert.NotNull(running.StartedAt);
        Assert.Equal(InvestigationStatus.Succeeded, read!.Status);
        Assert.Equal(running.StartedAt, read.StartedAt);
        Assert.True(read.FinishedAt > read.StartedAt);

        // jsonb keeps the JSON's meaning, not its key order: compare as JSON documents.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ReportJson.Serialize(report)), JsonNode.Parse(ReportJson.Serialize(read.Report!))));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ReportJson.Serialize(done.Report!)), JsonNode.Parse(ReportJson.Serialize(read.Report!))));
        Assert.NotEmpty(read.Report!.RootCauses);
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(TestReports.Metrics), JsonSerializer.SerializeToNode(read.Metrics)));
    }

    [Fact]
    public async Task Complete_InThread_SetsThreadLastReportSummary()
    {
        var store = await StartAsync();
        var thread = await store.CreateThreadAsync(Ct);
        var id = (await store.CreateInvestigationAsync(Api("q") with { ThreadId = thread.Id }, Ct)).Investigation.Id;
        await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);

        await store.CompleteAsync(id, TestReports.Real, TestReports.Metrics, Ct);
        var read = await store.GetThreadAsync(thread.Id, Ct);

        Assert.Equal(TestReports.Real.Summary, read!.LastReportSummary);
        Assert.Equal(id, read.LastInvestigationId);
        Assert.True(read.UpdatedAt > thread.UpdatedAt);
    }

    [Fact]
    public async Task Fail_QueuedInvestigation_StoresErrorAndFinishes()
    {
        var store = await StartAsync();
        var id = (await store.CreateInvestigationAsync(Api("q"), Ct)).Investigation.Id;

        var failed = await store.FailAsync(id, "cluster unreachable: dial tcp 10.0.0.1:443", TestReports.Metrics, Ct);

        Assert.Equal(InvestigationStatus.Failed, failed.Status);
        Assert.Equal("cluster unreachable: dial tcp 10.0.0.1:443", failed.Error);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(TestReports.Metrics.NumTurns, failed.Metrics!.NumTurns);
        Assert.Null(failed.Report);
    }

    [Theory]
    [InlineData(InvestigationStatus.Cancelled)]
    [InlineData(InvestigationStatus.TimedOut)]
    public async Task UpdateStatus_TerminalFromRunning_FinishesAndThenRejectsEveryMove(InvestigationStatus terminal)
    {
        var store = await StartAsync();
        var id = (await store.CreateInvestigationAsync(Api("q"), Ct)).Investigation.Id;
        await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);

        var stopped = await store.UpdateStatusAsync(id, terminal, Ct);

        Assert.Equal(terminal, stopped.Status);
        Assert.NotNull(stopped.FinishedAt);
        var rejected = await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct));
        Assert.Equal((terminal, InvestigationStatus.Running), (rejected.From, rejected.To));
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => store.CompleteAsync(id, TestReports.Real, TestReports.Metrics, Ct));
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => store.FailAsync(id, "late", null, Ct));
        Assert.Equal(terminal, (await store.GetInvestigationAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task StatusChanges_InvalidOnes_AreRejectedAndChangeNothing()
    {
        var store = await StartAsync();
        var id = (await store.CreateInvestigationAsync(Api("q"), Ct)).Investigation.Id;

        // Completing needs a running investigation; succeeded and failed are reached only through their own methods.
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => store.CompleteAsync(id, TestReports.Real, TestReports.Metrics, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateStatusAsync(id, InvestigationStatus.Succeeded, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateStatusAsync(id, InvestigationStatus.Queued, Ct));
        await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpdateStatusAsync("inv_unknown", InvestigationStatus.Running, Ct));

        var read = await store.GetInvestigationAsync(id, Ct);
        Assert.Equal(InvestigationStatus.Running, read!.Status);
        Assert.Null(read.FinishedAt);
    }

    [Fact]
    public async Task UpdateStatus_RacingStarters_ExactlyOneWins()
    {
        var store = await StartAsync();
        var id = (await store.CreateInvestigationAsync(Api("q"), Ct)).Investigation.Id;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.UpdateStatusAsync(id, InvestigationStatus.Running, Ct);
                return true;
            }
            catch (InvalidStatusTransitionException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
    }

    protected static NewInvestigation Api(string query) => new() { Source = InvestigationSource.Api, Query = query };

    /// <summary>Opens a store on this test's location and migrates it; disposed after the test.</summary>
    protected async Task<IKubeTriageStore> StartAsync()
    {
        var store = Open();
        await store.MigrateAsync(Ct);
        return store;
    }

    /// <summary>Opens a store on this test's location without migrating; disposed after the test.</summary>
    protected IKubeTriageStore Open()
    {
        var store = CreateStore(Clock);
        _opened.Add(store);
        return store;
    }

    /// <summary>Prepares this test's empty location (a directory, a schema).</summary>
    protected virtual ValueTask CreateLocationAsync() => ValueTask.CompletedTask;

    /// <summary>Creates a store on this test's location; every call reaches the same data.</summary>
    protected abstract IKubeTriageStore CreateStore(TimeProvider time);

    /// <summary>Removes this test's location after its stores are disposed.</summary>
    protected abstract ValueTask DeleteLocationAsync();
}
