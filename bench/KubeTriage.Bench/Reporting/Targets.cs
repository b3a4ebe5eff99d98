namespace KubeTriage.Bench.Reporting;

/// <summary>The performance targets from the issue; printed next to each figure.</summary>
internal static class Targets
{
    public const double OfflineSeconds = 2;
    public const long OfflinePeakBytes = 1L << 30;
    public const double LiveOverOffline = 3;
}
