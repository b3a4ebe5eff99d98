using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeTriage.Server.Chat;

/// <summary>Finds problems in the output of kubectl commands (run by us or by the user) without a language model.</summary>
/// <remarks>Knows the shapes SREs paste most: <c>get pods</c>, <c>get events</c>, <c>describe</c> and <c>logs</c>.</remarks>
internal static partial class CommandOutputReader
{
    private const int RestartsWorthAttention = 5;
    private const int MaxLogLines = 5;

    private static readonly HashSet<string> HealthyStatuses = new(StringComparer.Ordinal) { "Running", "Completed", "Succeeded" };
    private static readonly HashSet<string> CrashStatuses = new(StringComparer.Ordinal) { "CrashLoopBackOff", "Error", "OOMKilled", "RunContainerError" };

    public static void Read(string command, string output, string? commandNamespace, OutputFindings findings)
    {
        if (KubectlTable.TryParse(output) is { } table)
        {
            if (table.Columns.Contains("STATUS") && table.Columns.Contains("READY"))
            {
                ReadPods(table, commandNamespace, findings);
            }
            else if (table.Columns.Contains("REASON") && table.Columns.Contains("OBJECT"))
            {
                ReadEvents(table, commandNamespace, findings);
            }

            return;
        }

        if (output.Contains("\nEvents:", StringComparison.Ordinal))
        {
            ReadDescribe(command, output, findings);
        }
        else if (command.Contains(" logs ", StringComparison.Ordinal) || command.EndsWith(" logs", StringComparison.Ordinal))
        {
            ReadLogs(command, output, findings);
        }
    }

    private static void ReadPods(KubectlTable table, string? commandNamespace, OutputFindings findings)
    {
        foreach (var row in table.Rows)
        {
            var name = row["NAME"];
            var status = row["STATUS"];
            var ns = row.TryGetValue("NAMESPACE", out var column) ? column : commandNamespace;
            var nsFlag = ns is null ? "" : $" -n {ns}";
            var (ready, total) = Ready(row["READY"]);
            var restarts = row.TryGetValue("RESTARTS", out var r) ? LeadingNumber(r) : 0;
            if (HealthyStatuses.Contains(status) && (status != "Running" || ready == total) && restarts <= RestartsWorthAttention)
            {
                continue;
            }

            findings.Observations.Add($"Pod {name}{(ns is null ? "" : $" in {ns}")} is {status} ({row["READY"]} ready, {restarts} restarts).");
            if (CrashStatuses.Contains(status) || restarts > RestartsWorthAttention)
            {
                findings.Suggest($"kubectl logs{nsFlag} {name} --previous --all-containers");
            }

            findings.Suggest($"kubectl describe pod{nsFlag} {name}");
        }
    }

    private static void ReadEvents(KubectlTable table, string? commandNamespace, OutputFindings findings)
    {
        foreach (var group in table.Rows.Where(r => r.GetValueOrDefault("TYPE") == "Warning").GroupBy(r => (r["REASON"], r["OBJECT"], r.GetValueOrDefault("NAMESPACE"))))
        {
            var (reason, target, ns) = group.Key;
            findings.Observations.Add($"Warning {reason} on {target}{(group.Count() > 1 ? $" ({group.Count()} times)" : "")}: {group.First().GetValueOrDefault("MESSAGE")}");
            var nsFlag = (ns ?? commandNamespace) is { } known ? $" -n {known}" : "";
            if (target.Contains('/', StringComparison.Ordinal))
            {
                findings.Suggest($"kubectl describe {target}{nsFlag}");
            }
        }
    }

    private static void ReadDescribe(string command, string output, OutputFindings findings)
    {
        var events = output[(output.IndexOf("\nEvents:", StringComparison.Ordinal) + 8)..];
        foreach (var line in events.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).Distinct().Take(MaxLogLines))
        {
            findings.Observations.Add($"{command.Replace("kubectl describe ", "", StringComparison.Ordinal)}: {WhiteSpace().Replace(line, " ")}");
        }

        foreach (var reason in LastStateReason().Matches(output).Select(m => m.Groups[1].Value).Distinct())
        {
            findings.Observations.Add($"A container's last state terminated with reason {reason}.");
        }
    }

    private static void ReadLogs(string command, string output, OutputFindings findings)
    {
        var errors = output.Split('\n').Select(l => l.Trim()).Where(l => ErrorWord().IsMatch(l)).ToList();
        foreach (var group in errors.GroupBy(l => l, StringComparer.Ordinal).Take(MaxLogLines))
        {
            findings.Observations.Add($"{command}: {group.Key}{(group.Count() > 1 ? $" (x{group.Count()})" : "")}");
        }
    }

    private static (int Ready, int Total) Ready(string cell)
    {
        var parts = cell.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var ready) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var total) ? (ready, total) : (0, 0);
    }

    private static int LeadingNumber(string cell)
    {
        var digits = new string(cell.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    [GeneratedRegex(@"\b(error|exception|fatal|panic|refused|denied|timeout|timed out|oom)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWord();

    [GeneratedRegex(@"Last State:\s+Terminated\s+Reason:\s+(\w+)")]
    private static partial Regex LastStateReason();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex WhiteSpace();
}
