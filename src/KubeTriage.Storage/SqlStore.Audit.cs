using System.Data.Common;
using System.Globalization;

namespace KubeTriage.Storage;

/// <summary>The audit chain: appends under a lock that spans reading the head and inserting after it.</summary>
internal abstract partial class SqlStore
{
    private const string AuditColumns = "seq, time, event, actor, agent, action, inputs, outcome, approval_type, approval_id, cluster, namespace, target, prev_hash, hash";

    public async Task<AuditRecord> AppendAuditRecordAsync(NewAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (value, name) in new[] { (record.Event, "Event"), (record.Actor, "Actor"), (record.Action, "Action"), (record.ApprovalType, "ApprovalType") })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"An audit record needs {name}.", nameof(record));
            }
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockAsync(connection, transaction, AuditLockKey, cancellationToken);

        long headSequence = 0;
        var headHash = AuditChain.GenesisHash;
        await using (var head = Command(connection, transaction, "SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1"))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                headSequence = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                headHash = reader.GetString(1);
            }
        }

        var appended = new AuditRecord
        {
            Sequence = headSequence + 1,
            Time = Now(),
            Event = record.Event,
            Actor = record.Actor,
            Agent = record.Agent,
            Action = record.Action,
            Inputs = record.Inputs,
            Outcome = record.Outcome,
            ApprovalType = record.ApprovalType,
            ApprovalId = record.ApprovalId,
            Cluster = record.Cluster,
            Namespace = record.Namespace,
            Target = record.Target,
            PreviousHash = headHash,
            Hash = "",
        };
        appended = appended with { Hash = AuditChain.ComputeHash(appended) };

        await using (var insert = Command(connection, transaction, $"""
            INSERT INTO audit_records ({AuditColumns})
            VALUES (@seq, @time, @event, @actor, @agent, @action, @inputs, @outcome, @approval_type, @approval_id, @cluster, @namespace, @target, @prev_hash, @hash)
            """))
        {
            Add(insert, "seq", appended.Sequence);
            Add(insert, "time", ToDb(appended.Time));
            Add(insert, "event", appended.Event);
            Add(insert, "actor", appended.Actor);
            Add(insert, "agent", appended.Agent);
            Add(insert, "action", appended.Action);
            Add(insert, "inputs", appended.Inputs);
            Add(insert, "outcome", appended.Outcome);
            Add(insert, "approval_type", appended.ApprovalType);
            Add(insert, "approval_id", appended.ApprovalId);
            Add(insert, "cluster", appended.Cluster);
            Add(insert, "namespace", appended.Namespace);
            Add(insert, "target", appended.Target);
            Add(insert, "prev_hash", appended.PreviousHash);
            Add(insert, "hash", appended.Hash);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return appended;
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAuditRecordsAsync(long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {AuditColumns} FROM audit_records WHERE seq > @after ORDER BY seq LIMIT @limit");
        Add(command, "after", afterSequence);
        Add(command, "limit", limit);
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(ReadAuditRecord(reader));
        }

        return records;
    }

    private AuditRecord ReadAuditRecord(DbDataReader reader) => new()
    {
        Sequence = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
        Time = ReadTime(reader, 1),
        Event = reader.GetString(2),
        Actor = reader.GetString(3),
        Agent = NullableString(reader, 4),
        Action = reader.GetString(5),
        Inputs = NullableString(reader, 6),
        Outcome = NullableString(reader, 7),
        ApprovalType = reader.GetString(8),
        ApprovalId = NullableString(reader, 9),
        Cluster = NullableString(reader, 10),
        Namespace = NullableString(reader, 11),
        Target = NullableString(reader, 12),
        PreviousHash = reader.GetString(13),
        Hash = reader.GetString(14),
    };
}
