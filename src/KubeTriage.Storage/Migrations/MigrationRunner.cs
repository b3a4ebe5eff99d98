using System.Data.Common;

namespace KubeTriage.Storage.Migrations;

/// <summary>Applies the migrations a database lacks, each in its own transaction under the engine's migration lock.</summary>
internal static class MigrationRunner
{
    public static async Task ApplyAsync(SqlStore store, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = await store.BeginWriteAsync(connection, cancellationToken);

            // The lock comes before the history table exists, so concurrent starters also agree on creating it.
            await store.LockAsync(connection, transaction, SqlStore.MigrationLockKey, cancellationToken);
            await SqlStore.ExecuteAsync(connection, transaction, store.HistoryTableSql, cancellationToken);

            await using (var check = SqlStore.Command(connection, transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @version"))
            {
                SqlStore.Add(check, "version", migration.Version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    continue;
                }
            }

            await SqlStore.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var record = SqlStore.Command(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)"))
            {
                SqlStore.Add(record, "version", migration.Version);
                SqlStore.Add(record, "name", migration.Name);
                SqlStore.Add(record, "applied_at", store.ToDb(store.Now()));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<AppliedMigration>> HistoryAsync(SqlStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = SqlStore.Command(connection, null, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new AppliedMigration(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), store.ReadTime(reader, 2)));
        }

        return history;
    }
}
