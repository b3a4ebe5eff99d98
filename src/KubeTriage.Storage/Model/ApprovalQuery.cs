namespace KubeTriage.Storage;

/// <summary>Filters and paging for listing approvals; every filter set must match.</summary>
public sealed record ApprovalQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the status to match.</summary>
    public ApprovalStatus? Status { get; init; }

    /// <summary>Gets the conversation thread to match.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Gets the page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Gets the <see cref="ApprovalPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
}
