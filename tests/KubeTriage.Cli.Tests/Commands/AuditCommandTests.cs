using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;
using Microsoft.Data.Sqlite;

namespace KubeTriage.Cli.Tests.Commands;

/// <summary><c>kubetriage audit verify</c> over a data directory with approvals and decisions, intact and tampered with.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task Verify_AfterDecisions_IntactWithEveryRecord()
    {
        var dir = await DecidedAsync();

        var (code, console) = await TestConsole.RunAsync("audit", "verify", "--data-dir", dir);

        Assert.True(code == ExitCodes.Healthy, console.Error);
        Assert.StartsWith($"audit trail intact: 4 records in the database, 4 in {Path.Combine(dir, AuditTrail.FileName)}; head #4 ", console.Out, StringComparison.Ordinal);
        Assert.Empty(console.Error);
    }

    [Fact]
    public async Task Verify_RecordEditedInTheDatabase_ExitOneNamingTheRecord()
    {
        var dir = await DecidedAsync();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, StoreFactory.DatabaseFileName), Pooling = false }.ToString()))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_records SET outcome = 'approved: nothing to see here' WHERE seq = 2";
            Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var (code, console) = await TestConsole.RunAsync("audit", "verify", "--data-dir", dir);

        Assert.Equal(ExitCodes.ProblemsFound, code);
        Assert.Empty(console.Out);
        Assert.StartsWith("audit trail TAMPERED or incomplete:", console.Error, StringComparison.Ordinal);
        Assert.Contains("database record 2: Edited:", console.Error, StringComparison.Ordinal);
        Assert.Contains("record 2: Differs:", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("record 1:", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LineDeletedFromTheFile_ExitOneNamingTheMissingRecord()
    {
        var dir = await DecidedAsync();
        var file = Path.Combine(dir, AuditTrail.FileName);
        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(file, lines.Where((_, i) => i != 2), TestContext.Current.CancellationToken);

        var (code, console) = await TestConsole.RunAsync("audit", "verify", "--data-dir", dir);

        Assert.Equal(ExitCodes.ProblemsFound, code);
        Assert.Contains("file record 3: Missing:", console.Error, StringComparison.Ordinal);
        Assert.Contains("record 3 is in the database but not in audit.jsonl", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileDeleted_ExitOneSayingTheRecordsAreMissingFromTheFile()
    {
        var dir = await DecidedAsync();
        File.Delete(Path.Combine(dir, AuditTrail.FileName));

        var (code, console) = await TestConsole.RunAsync("audit", "verify", "--data-dir", dir);

        Assert.Equal(ExitCodes.ProblemsFound, code);
        Assert.Contains("MissingFromFile: audit.jsonl does not exist but the database has 4 records", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EmptyDataDirectory_IntactWithNoRecords()
    {
        var dir = RemediationData.NewDirectory();

        var (code, console) = await TestConsole.RunAsync("audit", "verify", "--data-dir", dir);

        Assert.Equal(ExitCodes.Healthy, code);
        Assert.StartsWith("audit trail intact: 0 records in the database, 0 in ", console.Out, StringComparison.Ordinal);
    }

    // Two proposals from the server, one approved and one rejected from the CLI: four records.
    private static async Task<string> DecidedAsync()
    {
        var dir = RemediationData.NewDirectory();
        var first = await RemediationData.RequestAsync(dir);
        var second = await RemediationData.RequestAsync(dir);
        Assert.Equal(ExitCodes.Healthy, (await TestConsole.RunAsync("approvals", "approve", first.Id, "--data-dir", dir, "--as", "alice")).ExitCode);
        Assert.Equal(ExitCodes.Healthy, (await TestConsole.RunAsync("approvals", "reject", second.Id, "--data-dir", dir, "--as", "bob")).ExitCode);
        return dir;
    }
}
