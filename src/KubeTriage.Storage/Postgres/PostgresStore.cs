using System.Data.Common;
using KubeTriage.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace KubeTriage.Storage.Postgres;

/// <summary>The store in PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; timestamptz and jsonb columns.</summary>
internal sealed class PostgresStore(string connectionString, TimeProvider time) : SqlStore(time)
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string HistoryTableSql => PostgresMigrations.HistoryTable;

    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        => await connection.BeginTransactionAsync(cancellationToken);

    // Released at commit or rollback, so a crashed process never leaves the lock behind.
    public override async Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        Add(command, "key", key);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override void AddJson(DbCommand command, string name, string? json)
        => command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value });

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
