namespace KubeTriage.Server.Chat;

/// <summary>Reads kubectl's human-readable table output (<c>kubectl get</c>) into rows of named cells.</summary>
/// <remarks>
/// kubectl aligns every cell under its header with a tab writer, so a cell starts where its header starts. Slicing at
/// the header offsets keeps cells that contain spaces (<c>873 (61s ago)</c>) whole, which splitting on blanks would not.
/// </remarks>
internal sealed class KubectlTable
{
    private KubectlTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Parses a table, or returns null when the text does not start with an upper-case header line.</summary>
    public static KubectlTable? TryParse(string output)
    {
        var lines = output.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !IsHeader(lines[0]))
        {
            return null;
        }

        var starts = HeaderStarts(lines[0]);
        var names = starts.Select((start, i) => lines[0][start..(i + 1 < starts.Count ? starts[i + 1] : lines[0].Length)].Trim()).ToList();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < starts.Count; i++)
            {
                var from = Math.Min(starts[i], line.Length);
                var to = i + 1 < starts.Count ? Math.Min(starts[i + 1], line.Length) : line.Length;
                row[names[i]] = line[from..to].Trim();
            }

            rows.Add(row);
        }

        return new KubectlTable(names, rows);
    }

    private static bool IsHeader(string line)
        => line.TrimStart().StartsWith("NAME", StringComparison.Ordinal) || line.StartsWith("NAMESPACE", StringComparison.Ordinal) || line.StartsWith("LAST SEEN", StringComparison.Ordinal);

    // A header cell starts after two or more blanks (single blanks occur inside headers such as "LAST SEEN", "NOMINATED NODE").
    private static List<int> HeaderStarts(string header)
    {
        var starts = new List<int> { 0 };
        for (var i = 2; i < header.Length; i++)
        {
            if (header[i] != ' ' && header[i - 1] == ' ' && header[i - 2] == ' ')
            {
                starts.Add(i);
            }
        }

        return starts;
    }
}
