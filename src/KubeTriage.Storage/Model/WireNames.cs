namespace KubeTriage.Storage;

/// <summary>Converts the enums to and from the text stored in the database and shown in the API.</summary>
internal static class WireNames
{
    public static string Of(InvestigationStatus status) => status switch
    {
        InvestigationStatus.TimedOut => "timed_out",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(InvestigationSource source) => source.ToString().ToLowerInvariant();

    public static string Of(MessageRole role) => role.ToString().ToLowerInvariant();

    public static string Of(ApprovalStatus status) => status.ToString().ToLowerInvariant();

    public static InvestigationStatus ParseStatus(string text) => text == "timed_out"
        ? InvestigationStatus.TimedOut
        : Enum.Parse<InvestigationStatus>(text, ignoreCase: true);

    public static InvestigationSource ParseSource(string text) => Enum.Parse<InvestigationSource>(text, ignoreCase: true);

    public static ApprovalStatus ParseApprovalStatus(string text) => Enum.Parse<ApprovalStatus>(text, ignoreCase: true);

    public static MessageRole ParseRole(string text) => Enum.Parse<MessageRole>(text, ignoreCase: true);
}
