using KubeTriage.Storage.Postgres;
using KubeTriage.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KubeTriage.Storage.Tests;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("Host=db.internal;Username=kt;Password=secret", true)]
    [InlineData("host = 127.0.0.1; port=5432", true)]
    [InlineData("Data Source=/var/lib/kubetriage/kubetriage.db", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPostgres_ConnectionString_PicksEngine(string? connectionString, bool expected)
        => Assert.Equal(expected, StoreFactory.IsPostgres(connectionString));

    [Fact]
    public async Task Create_HostConnectionString_ReturnsPostgresStoreWithoutConnecting()
    {
        await using var store = StoreFactory.Create(new StoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=x" });

        Assert.IsType<PostgresStore>(store);
    }

    [Fact]
    public void DefaultDataDirectory_EnvironmentVariableUnset_IsDotKubetriageInHome()
    {
        // The variable is read, never written, here: tests run in parallel.
        var expected = Environment.GetEnvironmentVariable(StoreOptions.DataDirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubetriage");

        Assert.Equal(expected, new StoreOptions().DataDirectory);
    }

    [Fact]
    public async Task AddKubeTriageStore_Configured_ResolvesSqliteSingletonAndKeepsEarlierRegistrations()
    {
        var directory = Directory.CreateTempSubdirectory("kubetriage-di-");
        try
        {
            var services = new ServiceCollection().AddKubeTriageStore(o => o.DataDirectory = directory.FullName);
            await using (var provider = services.BuildServiceProvider())
            {
                var store = provider.GetRequiredService<IKubeTriageStore>();
                Assert.IsType<SqliteStore>(store);
                Assert.Same(store, provider.GetRequiredService<IKubeTriageStore>());
                Assert.Same(store, provider.GetRequiredService<IApprovalStore>());
                Assert.Same(store, provider.GetRequiredService<IAuditStore>());
            }

            var overridden = new ServiceCollection().AddSingleton<TimeProvider>(new SteppingClock()).AddKubeTriageStore();
            Assert.Single(overridden, d => d.ServiceType == typeof(TimeProvider));
            Assert.Single(overridden, d => d.ServiceType == typeof(IKubeTriageStore));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
