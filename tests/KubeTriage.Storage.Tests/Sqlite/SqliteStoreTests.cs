using KubeTriage.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KubeTriage.Storage.Tests.Sqlite;

/// <summary>The store contract on SQLite, one temporary data directory per test.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kubetriage-sqlite-");

    // A folder that does not exist yet: the store must create it on first start.
    private string DataDirectory => Path.Combine(_directory.FullName, "data");

    [Fact]
    public async Task MigrateAsync_FreshDirectory_CreatesWalDatabaseFile()
    {
        await StartAsync();

        var file = Path.Combine(DataDirectory, StoreFactory.DatabaseFileName);
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection("Data Source=" + file + ";Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    protected override IKubeTriageStore CreateStore(TimeProvider time)
    {
        var store = StoreFactory.Create(new StoreOptions { DataDirectory = DataDirectory }, time);
        Assert.IsType<SqliteStore>(store);
        return store;
    }

    protected override ValueTask DeleteLocationAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
