using System.Text.RegularExpressions;

namespace KubeTriage.Server.Chat;

/// <summary>Reads what a chat message asks for without a language model: the namespace, the kinds, and whether it asks "why".</summary>
internal sealed partial record ChatIntent(string? Namespace, bool AllNamespaces, bool Diagnose, IReadOnlyList<string> Reads)
{
    private static readonly (Regex Words, string Command)[] ReadsByWords =
    [
        (Words("pods?"), "get pods"),
        (Words("deployments?|deploy"), "get deployments"),
        (Words("statefulsets?|sts"), "get statefulsets"),
        (Words("daemonsets?|ds"), "get daemonsets"),
        (Words("services?|svc"), "get services"),
        (Words("ingress(es)?"), "get ingresses"),
        (Words("jobs?|cronjobs?"), "get jobs,cronjobs"),
        (Words("pvcs?|volumes?|persistentvolumeclaims?"), "get persistentvolumeclaims"),
        (Words("hpa|autoscal\\w*"), "get horizontalpodautoscalers"),
        (Words("events?"), "get events --sort-by=.lastTimestamp"),
    ];

    public static ChatIntent Read(string content)
    {
        // A message that is a kubectl command is suggested back as it is (rated, never run until approved).
        if (content.TrimStart().StartsWith("kubectl ", StringComparison.Ordinal))
        {
            return new ChatIntent(null, false, false, [content.Trim()]);
        }

        var all = AllNamespacesWords().IsMatch(content);
        var ns = all ? null : NamespaceWords().Match(content) is { Success: true } m ? m.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.ToLowerInvariant() : null;
        if (ns is "all" or "every" or "the")
        {
            ns = null;
        }

        var reads = ReadsByWords.Where(r => r.Words.IsMatch(content)).Select(r => r.Command).ToList();
        var nodes = Words("nodes?").IsMatch(content);
        var diagnose = DiagnoseWords().IsMatch(content);
        if (reads.Count == 0 && !nodes)
        {
            reads.Add("get pods");
        }

        if (diagnose && !reads.Any(r => r.StartsWith("get events", StringComparison.Ordinal)))
        {
            reads.Add("get events --sort-by=.lastTimestamp");
        }

        var scope = all ? " -A" : ns is null ? "" : $" -n {ns}";
        var commands = reads.Select(r => $"kubectl {r}{scope}").ToList();
        if (nodes)
        {
            commands.Add("kubectl get nodes");
        }

        return new ChatIntent(ns, all, diagnose, commands);
    }

    private static Regex Words(string alternatives) => new($@"\b({alternatives})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"(?:\b(?:in|from|for)\s+(?:the\s+)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)\s+namespace\b)|(?:\bnamespace[:\s]+([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)\b)|(?:(?:^|\s)-n\s+([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceWords();

    [GeneratedRegex(@"\b(all|every)\s+namespaces\b|\bcluster[- ]wide\b|(^|\s)-A\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllNamespacesWords();

    [GeneratedRegex(@"\b(why|fail\w*|issues?|problems?|diagnos\w*|stuck|crash\w*|error\w*|broken|down|not\s+\w+ing|unhealthy|wrong)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiagnoseWords();
}
