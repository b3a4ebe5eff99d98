using System.Globalization;
using System.Text;

namespace KubeTriage.AI.Agents;

/// <summary>Condenses log text: optional grep and since, last N lines, repeated lines merged with a count.</summary>
internal static partial class LogDigest
{
    /// <summary>Returns the distinct lines of the tail in first-seen order, prefixed with "Nx " when repeated.</summary>
    /// <remarks>Lines that differ only in numbers (timestamps, durations, ids) count as repeats; the newest one is shown.</remarks>
    /// <remarks><paramref name="sinceSeconds"/> counts back from the newest timestamped line, since a snapshot has no "now".</remarks>
    public static string Condense(string text, string? grep, int tail, int? sinceSeconds = null)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => string.IsNullOrEmpty(grep) || l.Contains(grep, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (sinceSeconds is { } since)
        {
            lines = Since(lines, TimeSpan.FromSeconds(since));
        }

        var counts = new Dictionary<string, (int Count, string Newest)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - tail)))
        {
            var key = Digits().Replace(line, "#");
            if (counts.TryGetValue(key, out var seen))
            {
                counts[key] = (seen.Count + 1, line);
            }
            else
            {
                counts[key] = (1, line);
                order.Add(key);
            }
        }

        var result = new StringBuilder();
        foreach (var key in order)
        {
            var (count, newest) = counts[key];
            result.Append(count > 1 ? $"{count}x " : "").Append(newest).Append('\n');
        }

        return result.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+")]
    private static partial System.Text.RegularExpressions.Regex Digits();

    private static List<string> Since(List<string> lines, TimeSpan window)
    {
        var stamped = lines.Select(l => (Line: l, Time: Timestamp(l))).ToList();
        var newest = stamped.Max(s => s.Time);
        return newest is null ? lines : [.. stamped.Where(s => s.Time is null || s.Time >= newest - window).Select(s => s.Line)];
    }

    private static DateTimeOffset? Timestamp(string line)
    {
        var end = line.IndexOf(' ', StringComparison.Ordinal);
        var first = (end < 0 ? line : line[..end]).Trim('[', ']');
        return DateTimeOffset.TryParse(first, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && first.Contains('T', StringComparison.Ordinal)
            ? time
            : null;
    }
}
