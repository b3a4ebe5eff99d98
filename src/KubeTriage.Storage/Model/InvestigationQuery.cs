namespace KubeTriage.Storage;

/// <summary>Filters and paging for listing investigations; every filter set must match.</summary>
public sealed record InvestigationQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the status to match.</summary>
    public InvestigationStatus? Status { get; init; }

    /// <summary>Gets the source to match.</summary>
    public InvestigationSource? Source { get; init; }

    /// <summary>Gets the cluster to match exactly.</summary>
    public string? Cluster { get; init; }

    /// <summary>Gets the namespace to match exactly.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the earliest creation time, inclusive.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the latest creation time, exclusive.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets text the query must contain, ignoring ASCII case.</summary>
    public string? TextContains { get; init; }

    /// <summary>Gets the page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Gets the <see cref="InvestigationPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
}
