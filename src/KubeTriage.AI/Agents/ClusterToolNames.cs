namespace KubeTriage.AI.Agents;

/// <summary>Names the read-only tools collectors may call; there is deliberately no mutating tool.</summary>
internal static class ClusterToolNames
{
    public const string ListObjects = "list_objects";
    public const string GetObject = "get_object";
    public const string GetEvents = "get_events";
    public const string GetLogs = "get_logs";
    public const string ListManifests = "list_manifests";
    public const string GetManifest = "get_manifest";
    public const string RunAnalyzers = "run_analyzers";
    public const string FleetStatus = "fleet_status";

    /// <summary>Every tool name, in the order they are offered.</summary>
    public static IReadOnlyList<string> All { get; } = [ListObjects, GetObject, GetEvents, GetLogs, ListManifests, GetManifest, RunAnalyzers, FleetStatus];
}
