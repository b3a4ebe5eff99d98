namespace KubeTriage.Core.Engine;

/// <summary>Options for one diagnosis.</summary>
public sealed record DiagnosisOptions
{
    /// <summary>Gets the namespace to limit the diagnosis to, or null for all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets a fixed reference time; null infers it from the data (see <see cref="ReferenceTime"/>).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Gets warnings from collection (unreadable files, forbidden kinds) to carry into the report.</summary>
    public IReadOnlyList<string> CollectionWarnings { get; init; } = [];

    /// <summary>Gets what each source could provide (kubernetes, logs, prometheus): ok, partial, unavailable.</summary>
    public IReadOnlyDictionary<string, string>? Capabilities { get; init; }
}
