namespace KubeTriage.Kubernetes;

/// <summary>Lists the watch event types surfaced to callers (ERROR becomes an exception).</summary>
public enum WatchEventType
{
    /// <summary>An object was added (or exists at the start of a watch without resourceVersion).</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was deleted.</summary>
    Deleted,

    /// <summary>A progress marker carrying only metadata.resourceVersion.</summary>
    Bookmark,
}
