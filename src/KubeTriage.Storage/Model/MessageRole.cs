namespace KubeTriage.Storage;

/// <summary>Who wrote a thread message; stored as lowercase text.</summary>
public enum MessageRole
{
    /// <summary>The person asking.</summary>
    User,

    /// <summary>KubeTriage's answer.</summary>
    Assistant,

    /// <summary>Instructions set by the server.</summary>
    System,

    /// <summary>Output of a tool call.</summary>
    Tool,
}
