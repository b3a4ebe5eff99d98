namespace KubeTriage.Storage;

/// <summary>Persists the hash-chained audit trail.</summary>
/// <remarks>
/// Appends are serialized across processes (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: a transaction-scoped advisory
/// lock), so the chain stays linear: each record's sequence is the last one's plus one and its previous hash the last
/// one's hash. The store stamps the time inside that lock, so times never go backwards along the chain.
/// </remarks>
public interface IAuditStore
{
    /// <summary>Appends a record at the head of the chain and returns it with its sequence, time and hashes.</summary>
    Task<AuditRecord> AppendAuditRecordAsync(NewAuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Returns up to <paramref name="limit"/> records with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAuditRecordsAsync(long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default);
}
