using KubeTriage.Remediation.Audit;
using KubeTriage.Storage;
using Microsoft.Data.Sqlite;

namespace KubeTriage.Remediation.Tests.Audit;

/// <summary>A migrated SQLite store and an audit file in a temporary data directory, deleted on dispose.</summary>
internal sealed class AuditTestStore : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kubetriage-audit-");
    private readonly List<IKubeTriageStore> _stores = [];

    private AuditTestStore()
    {
    }

    public IKubeTriageStore Store => _stores[0];

    public string FilePath => AuditTrail.DefaultFilePath(_directory.FullName);

    public static async Task<AuditTestStore> CreateAsync(TimeProvider? time = null)
    {
        var created = new AuditTestStore();
        await created.OpenStoreAsync(time);
        return created;
    }

    /// <summary>Opens another store on the same database file, as a second process would.</summary>
    public async Task<IKubeTriageStore> OpenStoreAsync(TimeProvider? time = null)
    {
        var store = StoreFactory.Create(new StoreOptions { DataDirectory = _directory.FullName }, time);
        _stores.Add(store);
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public AuditTrail Trail(IKubeTriageStore? store = null) => new(store ?? Store, FilePath);

    /// <summary>Runs SQL straight on the database file, as someone tampering with it would.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, StoreFactory.DatabaseFileName)};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public Task<AuditVerification> VerifyAsync() => AuditVerifier.VerifyAsync(Store, FilePath, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }
}
