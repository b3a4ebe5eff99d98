using System.Data.Common;
using KubeTriage.Storage.Migrations;

namespace KubeTriage.Storage;

/// <summary>
/// The store over ADO.NET, shared by both engines: the SQL is portable (named parameters, ON CONFLICT, LIMIT) and the
/// engines differ only in connections, write locks, timestamp and JSON parameters, and the schema text.
/// </summary>
internal abstract partial class SqlStore(TimeProvider time) : IKubeTriageStore
{
    public abstract string HistoryTableSql { get; }

    protected abstract IReadOnlyList<Migration> Migrations { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that writes; SQLite takes its write lock at once so readers never need to upgrade.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    // Any constants work as long as every KubeTriage server uses the same ones: "KubeTria" and "KTaudit!" in ASCII.
    public const long MigrationLockKey = 0x4B75626554726961;
    public const long AuditLockKey = 0x4B54617564697421;

    /// <summary>Takes a named lock until the transaction ends, excluding other processes too (SQLite: the write transaction already does).</summary>
    public abstract Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract void AddJson(DbCommand command, string name, string? json);

    public abstract ValueTask DisposeAsync();

    /// <summary>Returns now, cut to the microseconds PostgreSQL keeps so both engines give back what they were given.</summary>
    public DateTimeOffset Now() => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public virtual Task PrepareDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await PrepareDatabaseAsync(cancellationToken);
        await MigrationRunner.ApplyAsync(this, Migrations, cancellationToken);
    }

    public Task<IReadOnlyList<AppliedMigration>> GetMigrationHistoryAsync(CancellationToken cancellationToken = default)
        => MigrationRunner.HistoryAsync(this, cancellationToken);

    public async Task<ConversationThread> CreateThreadAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        var thread = new ConversationThread { Id = NewId("thr"), CreatedAt = now, UpdatedAt = now };
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "INSERT INTO threads (id, created_at, updated_at) VALUES (@id, @now, @now)");
        Add(command, "id", thread.Id);
        Add(command, "now", ToDb(thread.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return thread;
    }

    public async Task<ConversationThread> GetOrCreateThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadId);
        var now = ToDb(Now());
        await using (var connection = await OpenAsync(cancellationToken))
        {
            // Both engines support ON CONFLICT DO NOTHING, so a race between two first messages creates one thread.
            await using var command = Command(connection, null, "INSERT INTO threads (id, created_at, updated_at) VALUES (@id, @now, @now) ON CONFLICT (id) DO NOTHING");
            Add(command, "id", threadId);
            Add(command, "now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetThreadAsync(threadId, cancellationToken) ?? throw new InvalidOperationException($"thread {threadId} vanished after it was created");
    }

    public async Task<ConversationThread?> GetThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        await using var connection = await OpenAsync(cancellationToken);
        ConversationThread thread;
        await using (var command = Command(connection, null, "SELECT id, created_at, updated_at, last_report_summary, last_investigation_id FROM threads WHERE id = @id"))
        {
            Add(command, "id", threadId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            thread = new ConversationThread
            {
                Id = reader.GetString(0),
                CreatedAt = ReadTime(reader, 1),
                UpdatedAt = ReadTime(reader, 2),
                LastReportSummary = reader.IsDBNull(3) ? null : reader.GetString(3),
                LastInvestigationId = reader.IsDBNull(4) ? null : reader.GetString(4),
            };
        }

        var messages = new List<ThreadMessage>();
        await using (var command = Command(connection, null, "SELECT id, role, content, created_at FROM thread_messages WHERE thread_id = @id ORDER BY id"))
        {
            Add(command, "id", threadId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new ThreadMessage(reader.GetInt64(0), WireNames.ParseRole(reader.GetString(1)), reader.GetString(2), ReadTime(reader, 3)));
            }
        }

        return thread with { Messages = messages };
    }

    public async Task<ThreadMessage> AppendMessageAsync(string threadId, MessageRole role, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        ArgumentNullException.ThrowIfNull(content);
        var now = Now();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var touch = Command(connection, transaction, "UPDATE threads SET updated_at = @now WHERE id = @id"))
        {
            Add(touch, "id", threadId);
            Add(touch, "now", ToDb(now));
            if (await touch.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new KeyNotFoundException($"thread {threadId} not found");
            }
        }

        long sequence;
        await using (var insert = Command(connection, transaction, "INSERT INTO thread_messages (thread_id, role, content, created_at) VALUES (@id, @role, @content, @now) RETURNING id"))
        {
            Add(insert, "id", threadId);
            Add(insert, "role", WireNames.Of(role));
            Add(insert, "content", content);
            Add(insert, "now", ToDb(now));
            sequence = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ThreadMessage(sequence, role, content, now);
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Version 7 GUIDs start with the time, so ids also sort roughly by creation.
    private static string NewId(string prefix) => prefix + "_" + Guid.CreateVersion7().ToString("N");
}
