namespace KubeTriage.Core.Snapshots;

/// <summary>Reports a malformed snapshot file with the line where parsing stopped.</summary>
internal sealed class SnapshotFileException(long line, string message) : Exception(message)
{
    public long Line { get; } = line;
}
