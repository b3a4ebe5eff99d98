using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;

namespace KubeTriage.Remediation.Tests.Audit;

public sealed class AuditVerifierTests
{
    private const int N = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_IntactChain_IsOk()
    {
        await using var test = await ChainAsync();

        var result = await test.VerifyAsync();

        Assert.True(result.Ok);
        Assert.Empty(result.Problems);
        Assert.Equal((N, N, N), (result.RecordsChecked, result.FileRecordsChecked, result.HeadSequence));
        Assert.Equal((await test.Store.ListAuditRecordsAsync(N - 1, cancellationToken: Ct))[0].Hash, result.HeadHash);
    }

    [Fact]
    public async Task Verify_EmptyTrailWithoutFile_IsOk()
    {
        await using var test = await AuditTestStore.CreateAsync();

        var result = await test.VerifyAsync();

        Assert.True(result.Ok);
        Assert.Equal((0L, AuditChain.GenesisHash), (result.HeadSequence, result.HeadHash));
    }

    [Fact]
    public async Task Verify_RecordEditedInDatabase_NamesThatSequence()
    {
        await using var test = await ChainAsync();

        await test.ExecuteSqlAsync("UPDATE audit_records SET outcome = 'nothing happened' WHERE seq = 7");
        var result = await test.VerifyAsync();

        Assert.False(result.Ok);
        var first = result.Problems[0];
        Assert.Equal((AuditRecordSource.Database, 7L, AuditProblemKind.Edited), (first.Source, first.Sequence, first.Kind));
        Assert.Contains("database record 7", first.Message, StringComparison.Ordinal);
        Assert.Contains("edited", first.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p is { Kind: AuditProblemKind.Differs, Sequence: 7 } && p.Message.Contains("outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_RecordEditedWithRecomputedHash_BreaksTheNextLink()
    {
        await using var test = await ChainAsync();
        var original = (await test.Store.ListAuditRecordsAsync(4, 1, Ct))[0];
        var forged = original with { Outcome = "nothing happened" };

        await test.ExecuteSqlAsync($"UPDATE audit_records SET outcome = 'nothing happened', hash = '{AuditChain.ComputeHash(forged)}' WHERE seq = 5");
        var database = await AuditVerifier.VerifyAsync(test.Store, filePath: null, Ct);

        var problem = Assert.Single(database.Problems);
        Assert.Equal((6L, AuditProblemKind.BrokenLink), (problem.Sequence, problem.Kind));
        Assert.Contains("record 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordDeletedFromDatabase_ReportsTheGap()
    {
        await using var test = await ChainAsync();

        await test.ExecuteSqlAsync("DELETE FROM audit_records WHERE seq = 5");
        var result = await test.VerifyAsync();

        var first = result.Problems[0];
        Assert.Equal((AuditRecordSource.Database, 5L, AuditProblemKind.Missing), (first.Source, first.Sequence, first.Kind));
        Assert.Contains("record 5 is missing", first.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p is { Kind: AuditProblemKind.MissingFromDatabase, Sequence: 5 });
    }

    [Fact]
    public async Task Verify_DatabaseTailDeleted_DetectedOnlyByTheFile()
    {
        await using var test = await ChainAsync();

        await test.ExecuteSqlAsync($"DELETE FROM audit_records WHERE seq > {N - 3}");
        var databaseOnly = await AuditVerifier.VerifyAsync(test.Store, filePath: null, Ct);
        var both = await test.VerifyAsync();

        Assert.True(databaseOnly.Ok);
        Assert.Equal([N - 2, N - 1, N], both.Problems.Select(p => p.Sequence!.Value));
        Assert.All(both.Problems, p => Assert.Equal(AuditProblemKind.MissingFromDatabase, p.Kind));
    }

    [Fact]
    public async Task Verify_LineEditedInFile_NamesLineAndSequence()
    {
        await using var test = await ChainAsync();
        var lines = await File.ReadAllLinesAsync(test.FilePath, Ct);

        lines[2] = lines[2].Replace("scaled #3", "scaled #9", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(test.FilePath, lines, Ct);
        var result = await test.VerifyAsync();

        var first = result.Problems[0];
        Assert.Equal((AuditRecordSource.File, 3L, AuditProblemKind.Edited), (first.Source, first.Sequence, first.Kind));
        Assert.Contains("audit.jsonl line 3 (record 3)", first.Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p is { Kind: AuditProblemKind.Differs, Sequence: 3 });
    }

    [Fact]
    public async Task Verify_FileTailTruncated_ReportsRecordsMissingFromFile()
    {
        await using var test = await ChainAsync();
        var lines = await File.ReadAllLinesAsync(test.FilePath, Ct);

        await File.WriteAllLinesAsync(test.FilePath, lines[..^4], Ct);
        var fileOnly = await AuditVerifier.VerifyFileAsync(test.FilePath, Ct);
        var result = await test.VerifyAsync();

        Assert.True(fileOnly.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((AuditProblemKind.MissingFromFile, (long)N - 3), (problem.Kind, problem.Sequence));
        Assert.Contains($"records {N - 3} to {N} are in the database but not in audit.jsonl", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileLinesSwapped_ReportsReordered()
    {
        await using var test = await ChainAsync();
        var lines = await File.ReadAllLinesAsync(test.FilePath, Ct);

        (lines[3], lines[4]) = (lines[4], lines[3]);
        await File.WriteAllLinesAsync(test.FilePath, lines, Ct);
        var result = await test.VerifyAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((AuditRecordSource.File, 4L, AuditProblemKind.Reordered), (problem.Source, problem.Sequence, problem.Kind));
        Assert.Contains("line 5 (record 4): comes after record 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileLineDeletedAndFileMissing_AreReported()
    {
        await using var test = await ChainAsync();
        var lines = (await File.ReadAllLinesAsync(test.FilePath, Ct)).ToList();

        lines.RemoveAt(0);
        await File.WriteAllLinesAsync(test.FilePath, lines, Ct);
        var deleted = await test.VerifyAsync();
        File.Delete(test.FilePath);
        var gone = await test.VerifyAsync();

        Assert.Equal(
            [(AuditRecordSource.File, AuditProblemKind.Missing), (AuditRecordSource.Both, AuditProblemKind.MissingFromFile)],
            deleted.Problems.Select(p => (p.Source, p.Kind)));
        Assert.All(deleted.Problems, p => Assert.Equal(1L, p.Sequence));
        Assert.Equal(AuditProblemKind.MissingFromFile, Assert.Single(gone.Problems).Kind);
    }

    [Fact]
    public void VerifyChain_InMemoryRecords_ChecksWithoutStoreOrFile()
    {
        var first = Link(1, AuditChain.GenesisHash);
        var second = Link(2, first.Hash);

        Assert.True(AuditVerifier.VerifyChain([first, second]).Ok);
        Assert.Equal(AuditProblemKind.BrokenLink, Assert.Single(AuditVerifier.VerifyChain([first, Link(2, AuditChain.GenesisHash)]).Problems).Kind);
    }

    private static AuditRecord Link(long sequence, string previous)
    {
        var record = new AuditRecord
        {
            Sequence = sequence,
            Time = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            Event = AuditEvents.DryRun,
            Actor = "agent:coordinator",
            Action = "kubectl",
            ApprovalType = AuditApprovalTypes.None,
            PreviousHash = previous,
            Hash = "",
        };
        return record with { Hash = AuditChain.ComputeHash(record) };
    }

    private static async Task<AuditTestStore> ChainAsync()
    {
        var test = await AuditTestStore.CreateAsync();
        var trail = test.Trail();
        for (var i = 1; i <= N; i++)
        {
            await trail.AppendAsync(AuditTrailTests.Entry(i), Ct);
        }

        return test;
    }
}
