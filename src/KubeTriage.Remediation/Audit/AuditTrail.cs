using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KubeTriage.Storage;

namespace KubeTriage.Remediation.Audit;

/// <summary>Records audit events in the database's hash chain and, line for line, in <c>audit.jsonl</c>.</summary>
/// <remarks>
/// Thread-safe. Inputs are masked by <see cref="AuditInputGuard"/> before hashing. An append holds an exclusive lock on
/// <c>audit.jsonl.lock</c> (every process sharing the data directory) from before the database transaction until the
/// line is flushed, so the file's lines are in chain order too. The line is written after the database commit: a crash
/// in between leaves the file one record short, which <see cref="AuditVerifier"/> reports.
/// </remarks>
public sealed class AuditTrail
{
    /// <summary>The file name of the JSON lines copy, in the data directory.</summary>
    public const string FileName = "audit.jsonl";

    /// <summary>The actor of events KubeTriage does itself (expiry, execution, recovery).</summary>
    public const string SystemActor = "kubetriage";

    private static readonly TimeSpan LockDeadline = TimeSpan.FromSeconds(30);

    // Inputs stay readable for auditors (no \u0027 for quotes, raw non-ASCII); the text is never embedded in HTML.
    private static readonly JsonSerializerOptions InputsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IAuditStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a trail over a store and the JSON lines file at <paramref name="filePath"/> (created on first append).</summary>
    public AuditTrail(IAuditStore store, string filePath)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        _store = store;
        FilePath = Path.GetFullPath(filePath);
    }

    /// <summary>Gets the path of <c>audit.jsonl</c>.</summary>
    public string FilePath { get; }

    /// <summary>Returns the default file path in a data directory.</summary>
    public static string DefaultFilePath(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Appends an event to the database chain, then to the file; returns the stored record.</summary>
    /// <exception cref="TimeoutException">Another process held the file lock for more than 30 seconds.</exception>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new NewAuditRecord
        {
            Event = entry.Event,
            Actor = entry.Actor,
            Agent = entry.Agent,
            Action = entry.Action,
            Inputs = AuditInputGuard.Apply(entry.Inputs)?.ToJsonString(InputsJson),
            Outcome = entry.Outcome,
            ApprovalType = entry.ApprovalType,
            ApprovalId = entry.ApprovalId,
            Cluster = entry.Cluster,
            Namespace = entry.Namespace,
            Target = entry.Target,
        };

        // The in-process gate keeps this process's appends from polling the file lock against each other.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var fileLock = await AuditFileLock.AcquireAsync(FilePath + ".lock", LockDeadline, cancellationToken);
            var stored = await _store.AppendAuditRecordAsync(record, cancellationToken);
            await AppendLineAsync(AuditChain.ToJsonLine(stored), CancellationToken.None);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AppendLineAsync(string line, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);

        // A crash mid-write leaves a partial last line: start a new line so it stays one malformed line, not two.
        var prefix = "";
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            if (file.ReadByte() != '\n')
            {
                prefix = "\n";
            }
        }

        file.Seek(0, SeekOrigin.End);
        await file.WriteAsync(Encoding.UTF8.GetBytes(prefix + line + "\n"), cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
