using System.CommandLine;
using KubeTriage.Storage;

namespace KubeTriage.Cli.Commands;

/// <summary>Builds the store settings every command that reads or writes stored state shares: --database, KUBETRIAGE_DATABASE, --data-dir.</summary>
internal static class StoreSettings
{
    /// <summary>Returns new --data-dir and --database options for a command that reads the store.</summary>
    public static (Option<string?> DataDir, Option<string?> Database) Options()
        => (new Option<string?>("--data-dir") { Description = "Data directory (default: $KUBETRIAGE_DATA_DIR, then ~/.kubetriage)" },
            new Option<string?>("--database") { Description = "PostgreSQL connection string (default: SQLite in the data directory; also KUBETRIAGE_DATABASE)" });

    public static StoreOptions From(string? dataDirectory, string? database)
    {
        var options = new StoreOptions { ConnectionString = database ?? Environment.GetEnvironmentVariable("KUBETRIAGE_DATABASE") };
        if (dataDirectory is not null)
        {
            options.DataDirectory = dataDirectory;
        }

        return options;
    }
}
