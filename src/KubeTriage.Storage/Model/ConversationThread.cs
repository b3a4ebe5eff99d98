namespace KubeTriage.Storage;

/// <summary>Conversation context kept across requests, so a follow-up question knows what was found.</summary>
public sealed record ConversationThread
{
    /// <summary>Gets the thread id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets when the thread was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when a message or report last changed the thread (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the summary of the last report completed in this thread.</summary>
    public string? LastReportSummary { get; init; }

    /// <summary>Gets the id of the investigation that produced <see cref="LastReportSummary"/>.</summary>
    public string? LastInvestigationId { get; init; }

    /// <summary>Gets the messages in append order.</summary>
    public IReadOnlyList<ThreadMessage> Messages { get; init; } = [];
}
