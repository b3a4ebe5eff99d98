using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KubeTriage.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL server of the test run: <c>KUBETRIAGE_TEST_POSTGRES</c> when set, else a throwaway server of the
/// machine's Debian binaries in a temporary directory on 127.0.0.1, stopped at the end of the run.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "KUBETRIAGE_TEST_POSTGRES";

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private string? _root;
    private string? _binDirectory;

    /// <summary>Gets a connection string of a role that may create databases.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        _binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "The PostgreSQL tests need the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin/initdb and pg_ctl): " +
            $"run `apt-get install postgresql`, or set {ConnectionVariable} to the connection string of a server to use.");

        _root = Directory.CreateTempSubdirectory("kubetriage-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            // initdb refuses to run as root; the server runs as the postgres user the Debian package creates.
            await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
        }

        var data = Path.Combine(_root, "data");
        await RunAsync(Tool("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

        var port = FreePort();
        var serverOptions = $"-h 127.0.0.1 -p {port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Tool("pg_ctl"), ["-D", data, "-l", Path.Combine(_root, "server.log"), "-o", serverOptions, "-w", "-t", "30", "start"]);

        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Tool("pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"]);
        Directory.Delete(_root, recursive: true);
    }

    private static string? FindBinDirectory()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        // The newest installed major version, compared as numbers ("16" after "9.6").
        return Directory.EnumerateDirectories(Root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => double.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync()
    {
        // pg_ctl -w already waited; this confirms TCP connections work, polling with a deadline.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < StartDeadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private string Tool(string name) => Path.Combine(_binDirectory!, name);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
