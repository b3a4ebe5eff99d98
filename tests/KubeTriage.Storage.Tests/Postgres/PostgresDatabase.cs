using Npgsql;

namespace KubeTriage.Storage.Tests.Postgres;

/// <summary>A fresh database for one test class on the run's server, dropped when the class is done.</summary>
public sealed class PostgresDatabase(PostgresServer server) : IAsyncLifetime
{
    private readonly string _name = "kubetriage_test_" + Guid.NewGuid().ToString("N");

    /// <summary>Gets the connection string of the database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = _name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement on the database.</summary>
    public async Task ExecuteInDatabaseAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
