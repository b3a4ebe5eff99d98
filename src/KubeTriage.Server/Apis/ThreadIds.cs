namespace KubeTriage.Server.Apis;

/// <summary>The one rule for client-supplied thread ids: short, and safe anywhere (never a path, never markup).</summary>
internal static class ThreadIds
{
    public const string Rule = "must be 1-64 letters, digits, '-' or '_'";

    public static bool IsValid(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
