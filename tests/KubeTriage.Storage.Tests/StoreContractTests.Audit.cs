namespace KubeTriage.Storage.Tests;

/// <summary>The audit chain: linear, hash-linked, and still linear with writers racing from two stores.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AppendAuditRecord_Several_FormsALinkedChainThatReadsBack()
    {
        var store = await StartAsync();

        var appended = new List<AuditRecord>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await store.AppendAuditRecordAsync(Entry(i) with { Inputs = $$"""{"n":{{i}},"note":"ünïcode ✓ \"q\"\n"}""" }, Ct));
        }

        var read = await store.ListAuditRecordsAsync(cancellationToken: Ct);

        Assert.Equal(appended, read);
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(r => r.Sequence));
        Assert.Equal(AuditChain.GenesisHash, read[0].PreviousHash);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(AuditChain.ComputeHash(read[i]), read[i].Hash);
            Assert.Matches("^[0-9a-f]{64}$", read[i].Hash);
            if (i > 0)
            {
                Assert.Equal(read[i - 1].Hash, read[i].PreviousHash);
                Assert.True(read[i].Time > read[i - 1].Time);
            }
        }
    }

    [Fact]
    public async Task ListAuditRecords_AfterAndLimit_PagesInSequenceOrder()
    {
        var store = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAuditRecordAsync(Entry(i), Ct);
        }

        var page = await store.ListAuditRecordsAsync(afterSequence: 2, limit: 2, Ct);

        Assert.Equal([3L, 4], page.Select(r => r.Sequence));
        Assert.Empty(await store.ListAuditRecordsAsync(afterSequence: 5, cancellationToken: Ct));
    }

    [Fact]
    public async Task AppendAuditRecord_TwoStoresConcurrently_ChainStaysLinear()
    {
        var stores = new[] { await StartAsync(), Open() };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await stores[writer % 2].AppendAuditRecordAsync(Entry(writer * 100 + i), Ct);
            }
        })));

        var chain = await stores[1].ListAuditRecordsAsync(cancellationToken: Ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), chain.Select(r => r.Sequence));
        var previous = AuditChain.GenesisHash;
        foreach (var record in chain)
        {
            Assert.Equal(previous, record.PreviousHash);
            Assert.Equal(AuditChain.ComputeHash(record), record.Hash);
            previous = record.Hash;
        }
    }

    private static NewAuditRecord Entry(int i) => new()
    {
        Event = "executed",
        Actor = "user:alice",
        Agent = i % 2 == 0 ? "coordinator" : null,
        Action = "rollout-restart",
        Inputs = $$"""{"n":{{i}}}""",
        Outcome = "ok " + i,
        ApprovalType = "human",
        ApprovalId = "apr_" + i,
        Cluster = "prod",
        Namespace = "shop",
        Target = "deployment/checkout",
    };
}
