namespace KubeTriage.Storage;

/// <summary>Configures where the store keeps its data.</summary>
/// <remarks>Nothing from these options is written to the database: a connection string may hold a password.</remarks>
public sealed class StoreOptions
{
    /// <summary>The environment variable that overrides the default data directory.</summary>
    public const string DataDirectoryVariable = "KUBETRIAGE_DATA_DIR";

    /// <summary>Gets or sets the directory of the SQLite database file; created on first start.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Gets or sets a connection string: <c>Host=...</c> selects PostgreSQL, <c>Data Source=...</c> a SQLite file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Returns <c>$KUBETRIAGE_DATA_DIR</c> when set, else <c>~/.kubetriage</c>.</summary>
    public static string DefaultDataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubetriage")
            : configured;
    }
}
