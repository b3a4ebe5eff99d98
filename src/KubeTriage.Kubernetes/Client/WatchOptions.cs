namespace KubeTriage.Kubernetes;

/// <summary>Filters and start point of a watch.</summary>
public sealed record WatchOptions
{
    /// <summary>Gets the label selector.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets the field selector.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Gets the resourceVersion to start after; null starts with synthetic ADDED events for existing objects.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Gets whether BOOKMARK events are requested.</summary>
    public bool AllowBookmarks { get; init; }

    /// <summary>Gets the server-side timeout after which the server ends the stream cleanly.</summary>
    public int? TimeoutSeconds { get; init; }
}
