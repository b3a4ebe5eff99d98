namespace KubeTriage.AI.Middleware;

/// <summary>Configures what <see cref="RedactingChatClient"/> masks in addition to its built-in secret patterns.</summary>
public sealed class RedactionOptions
{
    /// <summary>Gets extra regular expressions whose every match is replaced by the mask.</summary>
    public IList<string> AdditionalPatterns { get; } = [];

    /// <summary>Gets or sets the text that replaces a secret.</summary>
    public string Mask { get; set; } = "[REDACTED]";
}
