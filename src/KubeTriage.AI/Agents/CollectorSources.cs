namespace KubeTriage.AI.Agents;

/// <summary>Names what a collector reads: the workload cluster's objects or logs, or the management cluster.</summary>
internal static class CollectorSources
{
    public const string Objects = "objects";
    public const string Logs = "logs";
    public const string Management = "management";
}
