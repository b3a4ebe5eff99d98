using System.Text;

namespace KubeTriage.AI.Agents;

/// <summary>Condenses log text: optional grep, last N lines, identical lines merged with a count.</summary>
internal static class LogDigest
{
    /// <summary>Returns the distinct lines of the tail in first-seen order, prefixed with "Nx " when repeated.</summary>
    public static string Condense(string text, string? grep, int tail)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => string.IsNullOrEmpty(grep) || l.Contains(grep, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - tail)))
        {
            if (counts.TryAdd(line, 1))
            {
                order.Add(line);
            }
            else
            {
                counts[line]++;
            }
        }

        var result = new StringBuilder();
        foreach (var line in order)
        {
            result.Append(counts[line] > 1 ? $"{counts[line]}x " : "").Append(line).Append('\n');
        }

        return result.ToString();
    }
}
