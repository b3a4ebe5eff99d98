namespace KubeTriage.Core.Model;

/// <summary>A typed view of a core/v1 or events.k8s.io/v1 Event; fields are read once, since events are the bulk of a cluster.</summary>
public sealed class EventView
{
    private readonly JsonElement _raw;

    /// <summary>Reads the fields of an Event object that indexing needs; the rest is read on demand.</summary>
    public EventView(KubeObject source)
    {
        Object = source;
        _raw = source.Raw;
        var involved = _raw.Prop("involvedObject");
        if (!involved.Exists())
        {
            involved = _raw.Prop("regarding");
        }

        InvolvedKind = involved.Str("kind") ?? "";
        InvolvedNamespace = involved.Str("namespace") ?? source.Namespace;
        InvolvedName = involved.Str("name") ?? "";
        FieldPath = involved.Str("fieldPath");
        LastSeen = _raw.Time("series.lastObservedTime") ?? _raw.Time("lastTimestamp") ?? _raw.Time("deprecatedLastTimestamp")
            ?? _raw.Time("eventTime") ?? _raw.Time("firstTimestamp") ?? source.CreationTimestamp;
    }

    /// <summary>Gets the underlying object.</summary>
    public KubeObject Object { get; }

    /// <summary>Gets Normal or Warning.</summary>
    public string Type => _raw.Str("type") ?? "Normal";

    /// <summary>Gets whether this is a Warning event.</summary>
    public bool IsWarning => _raw.Prop("type").ValueEquals("Warning");

    /// <summary>Gets the machine-readable reason, such as BackOff.</summary>
    public string Reason => _raw.Str("reason") ?? "";

    /// <summary>Gets the human message (core/v1 message or events.k8s.io note).</summary>
    public string Message => _raw.Str("message") ?? _raw.Str("note") ?? "";

    /// <summary>Gets how often the event was seen.</summary>
    public long Count => _raw.Long("count") ?? _raw.Long("series.count") ?? _raw.Long("deprecatedCount") ?? 1;

    /// <summary>Gets the kind of the object the event is about.</summary>
    public string InvolvedKind { get; }

    /// <summary>Gets the namespace of the object the event is about.</summary>
    public string? InvolvedNamespace { get; }

    /// <summary>Gets the name of the object the event is about.</summary>
    public string InvolvedName { get; }

    /// <summary>Gets the field path (such as spec.containers{app}) the event is about, if any.</summary>
    public string? FieldPath { get; }

    /// <summary>Gets the component that reported the event.</summary>
    public string SourceComponent => _raw.Str("source.component") ?? _raw.Str("reportingController") ?? _raw.Str("reportingComponent") ?? "";

    /// <summary>Gets the last time the event was seen, from whichever field the writer filled.</summary>
    public DateTimeOffset? LastSeen { get; }

    /// <summary>Gets the first time the event was seen.</summary>
    public DateTimeOffset? FirstSeen => _raw.Time("firstTimestamp") ?? _raw.Time("deprecatedFirstTimestamp") ?? _raw.Time("eventTime") ?? LastSeen;

    /// <summary>Renders the event the way kubectl describe shows it, for evidence.</summary>
    public string Describe() => Count > 1
        ? $"{Type} {Reason} (x{Count}): {Message}"
        : $"{Type} {Reason}: {Message}";
}
