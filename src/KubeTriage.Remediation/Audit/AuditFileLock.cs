using System.Diagnostics;

namespace KubeTriage.Remediation.Audit;

/// <summary>An exclusive lock on a file, shared by every process (flock on Unix), released on dispose or process exit.</summary>
internal sealed class AuditFileLock : IDisposable
{
    private readonly FileStream _stream;

    private AuditFileLock(FileStream stream) => _stream = stream;

    public static async Task<AuditFileLock> AcquireAsync(string path, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new AuditFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (elapsed.Elapsed < deadline)
            {
                // Held by another writer; appends take milliseconds, so poll briefly.
                await Task.Delay(Random.Shared.Next(1, 10), cancellationToken);
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"could not lock {path} within {deadline.TotalSeconds:0} s", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
