using KubeTriage.Storage.Postgres;
using Npgsql;

[assembly: AssemblyFixture(typeof(KubeTriage.Storage.Tests.Postgres.PostgresServer))]

namespace KubeTriage.Storage.Tests.Postgres;

/// <summary>The store contract on PostgreSQL: one database for the class, one schema per test.</summary>
public sealed class PostgresStoreTests(PostgresDatabase database) : StoreContractTests, IClassFixture<PostgresDatabase>
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override async ValueTask CreateLocationAsync() => await database.ExecuteInDatabaseAsync($"CREATE SCHEMA {_schema}");

    protected override IKubeTriageStore CreateStore(TimeProvider time)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = _schema }.ConnectionString;
        var store = StoreFactory.Create(new StoreOptions { ConnectionString = connectionString }, time);
        Assert.IsType<PostgresStore>(store);
        return store;
    }

    protected override async ValueTask DeleteLocationAsync() => await database.ExecuteInDatabaseAsync($"DROP SCHEMA {_schema} CASCADE");
}
