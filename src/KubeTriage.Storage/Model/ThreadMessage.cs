namespace KubeTriage.Storage;

/// <summary>One message of a conversation thread; <paramref name="Sequence"/> grows in append order.</summary>
public sealed record ThreadMessage(long Sequence, MessageRole Role, string Content, DateTimeOffset Timestamp);
