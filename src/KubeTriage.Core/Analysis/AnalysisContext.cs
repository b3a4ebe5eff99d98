using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Model;

namespace KubeTriage.Core.Analysis;

/// <summary>What analyzers read (the cluster, the reference time) and where they put findings.</summary>
public sealed class AnalysisContext(ClusterState cluster, DateTimeOffset now, string? namespaceFilter = null)
{
    private readonly List<Finding> _findings = [];
    private readonly List<string> _warnings = [];

    /// <summary>Gets the cluster being diagnosed.</summary>
    public ClusterState Cluster { get; } = cluster;

    /// <summary>Gets the reference time: the moment the data describes.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Gets the namespace the diagnosis is limited to, or null for all.</summary>
    public string? NamespaceFilter { get; } = namespaceFilter;

    /// <summary>Gets the findings added so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Gets warnings about objects an analyzer could not read.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Gets how recent a termination or event must be to count as current, not recovered.</summary>
    public static TimeSpan RecentWindow { get; } = TimeSpan.FromMinutes(30);

    /// <summary>Adds a finding.</summary>
    public void Add(Finding finding) => _findings.Add(finding);

    /// <summary>Returns the objects of a kind inside the namespace filter.</summary>
    public IEnumerable<KubeObject> InScope(string kind)
        => Cluster.OfKind(kind).Where(o => NamespaceFilter is null || o.Namespace is null || o.Namespace == NamespaceFilter);

    /// <summary>Runs an action per object, turning an exception on one object into a warning.</summary>
    public void ForEach(string analyzer, IEnumerable<KubeObject> objects, Action<KubeObject> action)
    {
        foreach (var obj in objects)
        {
            try
            {
                action(obj);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
            {
                _warnings.Add($"{analyzer}: could not analyze {obj.Ref}: {ex.Message}");
            }
        }
    }

    /// <summary>Gets whether a timestamp is within the recent window before the reference time.</summary>
    public bool IsRecent(DateTimeOffset? time) => time is { } t && Now - t <= RecentWindow;
}
