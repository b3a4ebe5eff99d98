namespace KubeTriage.Core.Model;

/// <summary>A typed view of a core/v1 or events.k8s.io/v1 Event.</summary>
public sealed class EventView(KubeObject source)
{
    /// <summary>Gets the underlying object.</summary>
    public KubeObject Object { get; } = source;

    /// <summary>Gets Normal or Warning.</summary>
    public string Type => Object.Raw.Str("type") ?? "Normal";

    /// <summary>Gets whether this is a Warning event.</summary>
    public bool IsWarning => Type == "Warning";

    /// <summary>Gets the machine-readable reason, such as BackOff.</summary>
    public string Reason => Object.Raw.Str("reason") ?? "";

    /// <summary>Gets the human message (core/v1 message or events.k8s.io note).</summary>
    public string Message => Object.Raw.Str("message") ?? Object.Raw.Str("note") ?? "";

    /// <summary>Gets how often the event was seen.</summary>
    public long Count => Object.Raw.Long("count") ?? Object.Raw.Long("series.count") ?? Object.Raw.Long("deprecatedCount") ?? 1;

    /// <summary>Gets the kind of the object the event is about.</summary>
    public string InvolvedKind => Object.Raw.Str("involvedObject.kind") ?? Object.Raw.Str("regarding.kind") ?? "";

    /// <summary>Gets the namespace of the object the event is about.</summary>
    public string? InvolvedNamespace => Object.Raw.Str("involvedObject.namespace") ?? Object.Raw.Str("regarding.namespace") ?? Object.Namespace;

    /// <summary>Gets the name of the object the event is about.</summary>
    public string InvolvedName => Object.Raw.Str("involvedObject.name") ?? Object.Raw.Str("regarding.name") ?? "";

    /// <summary>Gets the field path (such as spec.containers{app}) the event is about, if any.</summary>
    public string? FieldPath => Object.Raw.Str("involvedObject.fieldPath") ?? Object.Raw.Str("regarding.fieldPath");

    /// <summary>Gets the component that reported the event.</summary>
    public string SourceComponent => Object.Raw.Str("source.component") ?? Object.Raw.Str("reportingController") ?? Object.Raw.Str("reportingComponent") ?? "";

    /// <summary>Gets the last time the event was seen, from whichever field the writer filled.</summary>
    public DateTimeOffset? LastSeen => Object.Raw.Time("series.lastObservedTime") ?? Object.Raw.Time("lastTimestamp")
        ?? Object.Raw.Time("deprecatedLastTimestamp") ?? Object.Raw.Time("eventTime") ?? Object.Raw.Time("firstTimestamp")
        ?? Object.CreationTimestamp;

    /// <summary>Gets the first time the event was seen.</summary>
    public DateTimeOffset? FirstSeen => Object.Raw.Time("firstTimestamp") ?? Object.Raw.Time("deprecatedFirstTimestamp")
        ?? Object.Raw.Time("eventTime") ?? LastSeen;

    /// <summary>Renders the event the way kubectl describe shows it, for evidence.</summary>
    public string Describe() => Count > 1
        ? $"{Type} {Reason} (x{Count}): {Message}"
        : $"{Type} {Reason}: {Message}";
}
