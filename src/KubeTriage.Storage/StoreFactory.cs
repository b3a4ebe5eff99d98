using System.Data.Common;
using KubeTriage.Storage.Postgres;
using KubeTriage.Storage.Sqlite;

namespace KubeTriage.Storage;

/// <summary>Creates the store the options describe: PostgreSQL for a <c>Host=</c> connection string, else SQLite.</summary>
public static class StoreFactory
{
    /// <summary>The SQLite file name inside the data directory.</summary>
    public const string DatabaseFileName = "kubetriage.db";

    /// <summary>Creates a store; the caller runs <see cref="IKubeTriageStore.MigrateAsync"/> before using it.</summary>
    public static IKubeTriageStore Create(StoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;
        if (IsPostgres(options.ConnectionString))
        {
            return new PostgresStore(options.ConnectionString!, time);
        }

        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? "Data Source=" + Path.Combine(options.DataDirectory, DatabaseFileName)
            : options.ConnectionString;
        return new SqliteStore(connectionString, time);
    }

    internal static bool IsPostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        // Keys are case-insensitive and may be spaced or quoted, so parse instead of searching for "Host=".
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return builder.ContainsKey("Host") || builder.ContainsKey("Server");
    }
}
