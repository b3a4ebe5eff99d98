namespace KubeTriage.Cli;

/// <summary>Process exit codes: 0 healthy, 1 root causes found, 2 and up for errors.</summary>
internal static class ExitCodes
{
    public const int Healthy = 0;
    public const int ProblemsFound = 1;
    public const int Usage = 2;
    public const int ClusterUnreachable = 3;
    public const int InvalidInput = 4;
    public const int Interrupted = 130;
}
