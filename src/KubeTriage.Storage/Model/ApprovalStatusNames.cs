namespace KubeTriage.Storage;

/// <summary>Reads an approval status as users type it (API query strings, CLI options): its name, case-insensitive.</summary>
public static class ApprovalStatusNames
{
    /// <summary>The accepted names, for error messages.</summary>
    public const string All = "pending, approved, rejected, expired, executing, executed, failed, interrupted";

    /// <summary>Parses a status name; numbers and comma lists are refused although <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take them.</summary>
    public static bool TryParse(string text, out ApprovalStatus status)
    {
        status = default;
        return text.Length > 0 && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out status);
    }
}
