namespace KubeTriage.Server.Tests;

/// <summary>Parses a Server-Sent Events body the way browsers do: blank line ends an event, data lines join with \n.</summary>
internal static class SseParser
{
    public static List<(string Event, string Data)> Parse(string body)
    {
        var events = new List<(string, string)>();
        string? name = null;
        var data = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add((name ?? "message", string.Join('\n', data)));
                }

                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
        }

        return events;
    }
}
