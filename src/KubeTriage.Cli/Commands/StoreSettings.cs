using KubeTriage.Storage;

namespace KubeTriage.Cli.Commands;

/// <summary>Builds the store settings every command that reads or writes stored state shares: --database, KUBETRIAGE_DATABASE, --data-dir.</summary>
internal static class StoreSettings
{
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
