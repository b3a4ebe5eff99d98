using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Server.Investigations;

/// <summary>Tells a follow-up question what changed since the thread's previous answer.</summary>
internal static class ThreadFollowUp
{
    public static string Compare(DiagnosisReport previous, DiagnosisReport current)
    {
        static HashSet<string> Keys(DiagnosisReport r)
            => [.. r.RootCauses.Where(c => c.Severity != Severity.Info).Select(c => $"{c.Category} on {c.Resource}")];

        var before = Keys(previous);
        var now = Keys(current);
        var resolved = before.Except(now).ToList();
        var fresh = now.Except(before).ToList();
        var still = now.Intersect(before).ToList();
        if (before.Count == 0 && now.Count == 0)
        {
            return "Compared with the previous answer in this thread: still healthy.";
        }

        return "Compared with the previous answer in this thread: "
            + string.Join("; ", new[]
            {
                still.Count > 0 ? $"still present: {string.Join(", ", still)}" : null,
                resolved.Count > 0 ? $"resolved: {string.Join(", ", resolved)}" : null,
                fresh.Count > 0 ? $"new: {string.Join(", ", fresh)}" : null,
            }.OfType<string>()) + ".";
    }
}
