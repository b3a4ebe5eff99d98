namespace KubeTriage.Core.Analyzers.Jobs;

/// <summary>Validates a CronJob schedule the way the controller's parser (robfig/cron, standard 5 fields) accepts it.</summary>
internal static class CronSchedule
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly (int Min, int Max, string[] Names)[] Fields =
    [
        (0, 59, []), (0, 23, []), (1, 31, []),
        (1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        (0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Returns null when valid, else why the schedule cannot be parsed.</summary>
    public static string? Validate(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            text = space < 0 ? "" : text[(space + 1)..].Trim();
        }

        if (text.StartsWith('@'))
        {
            return Macros.Contains(text) || text.StartsWith("@every ", StringComparison.Ordinal) ? null : $"unrecognized descriptor: {text}";
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"expected exactly 5 fields, found {parts.Length}: {text}";
        }

        for (var i = 0; i < 5; i++)
        {
            foreach (var item in parts[i].Split(','))
            {
                if (!ValidItem(item, Fields[i]))
                {
                    return $"invalid value \"{item}\" in field {i + 1} (allowed {Fields[i].Min}-{Fields[i].Max})";
                }
            }
        }

        return null;
    }

    private static bool ValidItem(string item, (int Min, int Max, string[] Names) field)
    {
        var rangeAndStep = item.Split('/');
        if (rangeAndStep.Length > 2 || (rangeAndStep.Length == 2 && !(int.TryParse(rangeAndStep[1], out var step) && step > 0)))
        {
            return false;
        }

        var range = rangeAndStep[0];
        if (range is "*" or "?")
        {
            return true;
        }

        var bounds = range.Split('-');
        return bounds.Length <= 2 && bounds.All(b => Value(b, field) is { } v && v >= field.Min && v <= field.Max)
            && (bounds.Length == 1 || Value(bounds[0], field) <= Value(bounds[1], field));
    }

    private static int? Value(string token, (int Min, int Max, string[] Names) field)
    {
        if (int.TryParse(token, out var n))
        {
            return n;
        }

        var index = Array.IndexOf(field.Names, token.ToUpperInvariant());
        return index < 0 ? null : index + field.Min;
    }
}
