using KubeTriage.Remediation.Audit;
using System.Text.Json.Nodes;
using KubeTriage.Storage;

namespace KubeTriage.Remediation.Tests.Audit;

public sealed class AuditTrailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_OneEntry_SameRecordInDatabaseAndFile()
    {
        await using var test = await AuditTestStore.CreateAsync();

        var record = await test.Trail().AppendAsync(Entry(1), Ct);

        Assert.Equal(record, Assert.Single(await test.Store.ListAuditRecordsAsync(cancellationToken: Ct)));
        var lines = await File.ReadAllLinesAsync(test.FilePath, Ct);
        Assert.Equal(AuditChain.ToJsonLine(record), Assert.Single(lines));
        Assert.Equal(record, AuditChain.ParseJsonLine(lines[0]));
        Assert.Equal("""{"argv":["scale","deployment/checkout","--replicas=1"]}""", record.Inputs);
    }

    [Fact]
    public async Task Append_SecretsInInputs_NeverReachDatabaseOrFile()
    {
        await using var test = await AuditTestStore.CreateAsync();

        var record = await test.Trail().AppendAsync(Entry(1) with { Inputs = JsonNode.Parse("""{"token":"tok-123","argv":["get","--password","pw-456"]}""") }, Ct);

        Assert.Equal("""{"token":"***","argv":["get","--password","***"]}""", record.Inputs);
        var file = await File.ReadAllTextAsync(test.FilePath, Ct);
        Assert.DoesNotContain("tok-123", file, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-456", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_TwoTrailsOverOneSqliteFileConcurrently_ChainAndFileVerify()
    {
        await using var test = await AuditTestStore.CreateAsync();
        var trails = new[] { test.Trail(), test.Trail(await test.OpenStoreAsync()) };

        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await trails[writer % 2].AppendAsync(Entry(writer * 100 + i), Ct);
            }
        })));

        var result = await test.VerifyAsync();
        Assert.True(result.Ok, string.Join("\n", result.Problems.Select(p => p.Message)));
        Assert.Equal((48L, 48L, 48L), (result.RecordsChecked, result.FileRecordsChecked, result.HeadSequence));
    }

    [Fact]
    public async Task Append_AfterAPartialLastLine_StartsANewLine()
    {
        await using var test = await AuditTestStore.CreateAsync();
        var trail = test.Trail();
        await trail.AppendAsync(Entry(1), Ct);
        await File.AppendAllTextAsync(test.FilePath, """{"seq":2,"ti""", Ct);

        await trail.AppendAsync(Entry(2), Ct);

        var result = await test.VerifyAsync();
        var problem = Assert.Single(result.Problems);
        Assert.Equal(AuditProblemKind.Malformed, problem.Kind);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.FileRecordsChecked);
    }

    internal static AuditEntry Entry(int i) => new()
    {
        Event = AuditEvents.Executed,
        Actor = "user:alice",
        Agent = "coordinator",
        Action = "kubectl",
        Inputs = JsonNode.Parse("""{"argv":["scale","deployment/checkout","--replicas=1"]}"""),
        Outcome = "deployment.apps/checkout scaled #" + i,
        ApprovalType = AuditApprovalTypes.Human,
        ApprovalId = "apr_" + i,
        Cluster = "prod",
        Namespace = "shop",
        Target = "deployment/checkout",
    };
}
