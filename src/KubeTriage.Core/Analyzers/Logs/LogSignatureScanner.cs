using System.Text.RegularExpressions;

namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Finds the lines of a container log that explain a failure: panics, stack traces, refused connections, 403s, OOMs.</summary>
public static partial class LogSignatureScanner
{
    private const int MaxLineLength = 400;

    /// <summary>Scans a log and returns the distinct signature lines, most telling kinds first.</summary>
    public static IReadOnlyList<LogSignature> Scan(string log)
    {
        var found = new List<LogSignature>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rawLine in log.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var signature = Match(line);
            if (signature is not null && seen.Add(Normalize(signature.Line)))
            {
                found.Add(signature);
            }
        }

        return [.. found.OrderBy(s => Priority(s.Kind))];
    }

    /// <summary>Returns the last non-empty lines of a log, the usual place a crash explains itself.</summary>
    public static IReadOnlyList<string> Tail(string log, int count)
        => [.. log.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).TakeLast(count).Select(Clip)];

    private static LogSignature? Match(string line)
    {
        var clipped = Clip(line);
        if (ConnectionRefused().Match(line) is { Success: true } refused)
        {
            return WithHost(LogSignatureKind.ConnectionRefused, clipped, refused);
        }

        if (NoSuchHost().Match(line) is { Success: true } dns)
        {
            return WithHost(LogSignatureKind.NoSuchHost, clipped, dns);
        }

        if (Timeout().Match(line) is { Success: true } timeout)
        {
            return WithHost(LogSignatureKind.Timeout, clipped, timeout);
        }

        if (OutOfMemory().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.OutOfMemory, clipped, null, null);
        }

        if (Forbidden().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.Forbidden, clipped, null, null);
        }

        if (CommandNotFound().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.CommandNotFound, clipped, null, null);
        }

        if (Panic().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.Panic, clipped, null, null);
        }

        if (PermissionDenied().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.PermissionDenied, clipped, null, null);
        }

        if (StackTraceHead().IsMatch(line))
        {
            return new LogSignature(LogSignatureKind.StackTrace, clipped, null, null);
        }

        return FatalError().IsMatch(line) ? new LogSignature(LogSignatureKind.FatalError, clipped, null, null) : null;
    }

    private static LogSignature WithHost(LogSignatureKind kind, string line, Match match)
    {
        var endpoint = match.Groups["host"].Success ? match : HostPort().Match(line);
        if (!endpoint.Success)
        {
            endpoint = HostKeyword().Match(line);
        }

        var host = endpoint.Success && endpoint.Groups["host"].Success ? endpoint.Groups["host"].Value : null;
        int? port = endpoint.Success && endpoint.Groups["port"].Success && int.TryParse(endpoint.Groups["port"].Value, out var p) ? p : null;
        return new LogSignature(kind, line, string.IsNullOrEmpty(host) ? null : host, port);
    }

    private static int Priority(LogSignatureKind kind) => kind switch
    {
        LogSignatureKind.OutOfMemory => 0,
        LogSignatureKind.ConnectionRefused or LogSignatureKind.NoSuchHost or LogSignatureKind.Timeout => 1,
        LogSignatureKind.Forbidden or LogSignatureKind.CommandNotFound => 2,
        LogSignatureKind.Panic => 3,
        LogSignatureKind.FatalError => 4,
        LogSignatureKind.StackTrace => 5,
        _ => 6,
    };

    // Lines differing only in numbers (timestamps, ports, counters) are one signature.
    private static string Normalize(string line) => Digits().Replace(line, "#");

    private static string Clip(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "...";

    [GeneratedRegex(@"connection refused|Connection refused|ECONNREFUSED|Connection .*refused", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionRefused();

    // host:port where host is a DNS name starting with a letter or a dotted IPv4 address (never a timestamp).
    [GeneratedRegex(@"(?<![\w.\-/])(?<host>[a-z][a-z0-9\-]*(?:\.[a-z0-9\-]+)*|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}):(?<port>\d{2,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex HostPort();

    // Client libraries that name host and port apart: host='db', port=5432 / host "db" ... port 5432.
    [GeneratedRegex(@"host\s*[=:]?\s*['""](?<host>[A-Za-z0-9_.\-]+)['""](?:.*?port\s*[=:]?\s*(?<port>\d{2,5}))?", RegexOptions.CultureInvariant)]
    private static partial Regex HostKeyword();

    [GeneratedRegex(@"(?:lookup (?<host>[A-Za-z0-9_.\-]+)(?: on [^:]+:\d+)?: no such host|getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?<host>[A-Za-z0-9_.\-]+)|Name or service not known|Temporary failure in name resolution|UnknownHostException: (?<host>[A-Za-z0-9_.\-]+)|no such host)", RegexOptions.CultureInvariant)]
    private static partial Regex NoSuchHost();

    [GeneratedRegex(@"(?:dial tcp (?<host>[A-Za-z0-9_.\-]+):(?<port>\d+): (?:i/o timeout|connect: connection timed out)|(?:connection|connect|read) timed out|i/o timeout|context deadline exceeded|ETIMEDOUT)", RegexOptions.CultureInvariant)]
    private static partial Regex Timeout();

    [GeneratedRegex(@"OutOfMemoryError|out of memory|Out of memory|MemoryError\b|JavaScript heap out of memory|Cannot allocate memory|OOMKilled", RegexOptions.CultureInvariant)]
    private static partial Regex OutOfMemory();

    [GeneratedRegex(@"is forbidden: User ""[^""]+"" cannot|\b403 Forbidden\b|status code 403|\bForbidden\b.*\b(?:cannot|RBAC)\b|AccessDenied", RegexOptions.CultureInvariant)]
    private static partial Regex Forbidden();

    [GeneratedRegex(@": not found$|command not found|executable file not found|no such file or directory: unknown|exec format error", RegexOptions.CultureInvariant)]
    private static partial Regex CommandNotFound();

    [GeneratedRegex(@"^panic: |^fatal error: |goroutine \d+ \[running\]|SIGSEGV|segmentation fault", RegexOptions.CultureInvariant)]
    private static partial Regex Panic();

    [GeneratedRegex(@"[Pp]ermission denied|EACCES|Operation not permitted", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionDenied();

    [GeneratedRegex(@"^Traceback \(most recent call last\)|^Exception in thread|^\S*(?:Exception|Error)(?:: |$)|^Caused by: |^Unhandled exception|^\s*at [\w$.<>]+\(.*\)$|^Error: ", RegexOptions.CultureInvariant)]
    private static partial Regex StackTraceHead();

    [GeneratedRegex(@"\b(?:FATAL|CRITICAL|Fatal|fatal)\b|level[=""':]+(?:fatal|FATAL|critical)|\[(?:FATAL|CRITICAL)\]|""level"":""(?:error|fatal)""", RegexOptions.CultureInvariant)]
    private static partial Regex FatalError();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
