namespace KubeTriage.Cli;

/// <summary>An error the user can fix, printed as one line with its exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
