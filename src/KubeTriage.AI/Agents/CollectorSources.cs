namespace KubeTriage.AI.Agents;

/// <summary>Names what a collector reads: objects (specs, status, events) or logs.</summary>
internal static class CollectorSources
{
    public const string Objects = "objects";
    public const string Logs = "logs";
}
