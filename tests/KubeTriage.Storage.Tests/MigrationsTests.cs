using KubeTriage.Storage.Postgres;
using KubeTriage.Storage.Sqlite;

namespace KubeTriage.Storage.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void All_BothEngines_SameOrderedVersionsAndNames()
    {
        var sqlite = SqliteMigrations.All.Select(m => (m.Version, m.Name)).ToArray();
        var postgres = PostgresMigrations.All.Select(m => (m.Version, m.Name)).ToArray();

        Assert.Equal(sqlite, postgres);
        Assert.Equal(Enumerable.Range(1, sqlite.Length), sqlite.Select(m => m.Version));
    }

    [Fact]
    public void PageCursor_EncodeThenDecode_RoundTrips()
    {
        var cursor = new PageCursor(SteppingClock.Start, "inv_0193f");

        Assert.Equal(cursor, PageCursor.Decode(cursor.Encode()));
        Assert.DoesNotContain('=', cursor.Encode());
    }
}
