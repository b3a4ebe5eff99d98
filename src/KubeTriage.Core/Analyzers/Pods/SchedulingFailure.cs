using System.Text.RegularExpressions;
using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>The reasons of a scheduler FailedScheduling message, such as "0/3 nodes are available: 3 Insufficient cpu.".</summary>
public sealed partial record SchedulingFailure(int TotalNodes, IReadOnlyList<(int Nodes, string Reason)> Reasons)
{
    /// <summary>Parses the part before "preemption:"; returns null when the message is not a scheduler summary.</summary>
    public static SchedulingFailure? Parse(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var summary = message.Split("preemption:", 2)[0];
        if (Header().Match(summary) is not { Success: true } header)
        {
            return summary.Contains("unbound immediate PersistentVolumeClaims", StringComparison.Ordinal)
                ? new SchedulingFailure(0, [(0, summary.Trim())])
                : null;
        }

        var reasons = new List<(int, string)>();
        foreach (Match part in ReasonPart().Matches(summary[(header.Index + header.Length)..]))
        {
            reasons.Add((int.Parse(part.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), part.Groups["reason"].Value.Trim().TrimEnd('.')));
        }

        if (reasons.Count == 0 && summary[(header.Index + header.Length)..].Trim().TrimEnd('.') is { Length: > 0 } rest)
        {
            reasons.Add((int.Parse(header.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture), rest));
        }

        return new SchedulingFailure(int.Parse(header.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture), reasons);
    }

    /// <summary>Returns the category of the reason that blocks the most nodes, ignoring control-plane taints when other reasons exist.</summary>
    public string? DominantCategory()
    {
        var categorized = Reasons.Select(r => (r.Nodes, r.Reason, Category: CategoryOf(r.Reason))).Where(r => r.Category is not null).ToList();
        var workers = categorized.Where(r => !IsControlPlaneTaint(r.Reason)).ToList();
        var pool = workers.Count > 0 ? workers : categorized;
        return pool.OrderByDescending(r => r.Nodes).ThenBy(r => Categories.Specificity(r.Category!)).Select(r => r.Category).FirstOrDefault();
    }

    /// <summary>Maps one scheduler reason to a category.</summary>
    public static string? CategoryOf(string reason)
    {
        if (reason.StartsWith("Insufficient ", StringComparison.Ordinal) || reason.Contains("Too many pods", StringComparison.Ordinal))
        {
            return Categories.InsufficientResources;
        }

        if (reason.Contains("node affinity/selector", StringComparison.Ordinal) || reason.Contains("didn't match node selector", StringComparison.Ordinal)
            || reason.Contains("didn't match Pod's node affinity", StringComparison.Ordinal))
        {
            return Categories.NodeSelectorMismatch;
        }

        if (reason.Contains("were unschedulable", StringComparison.Ordinal) || reason.Contains("node.kubernetes.io/unschedulable", StringComparison.Ordinal))
        {
            return Categories.NodeCordoned;
        }

        if (reason.Contains("taint", StringComparison.Ordinal))
        {
            return Categories.TaintNotTolerated;
        }

        if (reason.Contains("PersistentVolumeClaim", StringComparison.Ordinal) || reason.Contains("volume node affinity conflict", StringComparison.Ordinal)
            || reason.Contains("persistent volumes to bind", StringComparison.Ordinal) || reason.Contains("persistentvolumeclaim", StringComparison.Ordinal))
        {
            return Categories.VolumeBindingFailure;
        }

        return null;
    }

    private static bool IsControlPlaneTaint(string reason)
        => reason.Contains("node-role.kubernetes.io/control-plane", StringComparison.Ordinal) || reason.Contains("node-role.kubernetes.io/master", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<avail>\d+)/(?<total>\d+) nodes are available:")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?<n>\d+) (?<reason>[^,]+?)(?=, \d+ |\.\s*$|\. |$)")]
    private static partial Regex ReasonPart();
}
