using System.Data.Common;
using System.Globalization;
using KubeTriage.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace KubeTriage.Storage.Sqlite;

/// <summary>The store in one SQLite file: WAL journal, a busy timeout for concurrent writers, foreign keys on.</summary>
internal sealed class SqliteStore : SqlStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private const int BusyTimeoutMs = 10_000;

    private readonly string _connectionString;

    public SqliteStore(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
    }

    public override string HistoryTableSql => SqliteMigrations.HistoryTable;

    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMs};", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // deferred: false issues BEGIN IMMEDIATE: the write lock is taken up front, so two writers queue on the busy
    // timeout instead of deadlocking when both try to upgrade a read lock.
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        => ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // BEGIN IMMEDIATE already excludes every other writer, other processes included.
    public override Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // WAL lets readers run beside the writer; the mode is stored in the file, and cannot change inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public override object ToDb(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal)
        => DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void AddJson(DbCommand command, string name, string? json) => Add(command, name, json);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved, deleted or reopened.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
