using System.Diagnostics;
using System.Globalization;

namespace KubeTriage.Bench.Phases;

/// <summary>Reads the current process's peak resident set size.</summary>
internal static class PeakMemory
{
    // Process.PeakWorkingSet64 cannot be read for a process that has exited, so the child reads its own
    // high-water mark just before it exits. On Linux VmHWM is exactly that; elsewhere the runtime's figure.
    public static long Read()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
