using System.Text;
using KubeTriage.Core.Model;

namespace KubeTriage.AI.Agents;

/// <summary>Reads status.conditions compactly: Ready first, then every condition that is not in its good state.</summary>
internal static class Conditions
{
    private const int MaxMessageChars = 200;

    public static string? Ready(KubeObject obj)
        => obj.Raw.Objects("status.conditions").FirstOrDefault(c => c.Str("type") == "Ready") is { ValueKind: System.Text.Json.JsonValueKind.Object } ready
            ? ready.Str("status")
            : null;

    /// <summary>Returns "Ready=False (Reason): message; Other=True ..." or "" when the object has no conditions.</summary>
    public static string Summary(KubeObject obj)
    {
        var text = new StringBuilder();
        foreach (var condition in obj.Raw.Objects("status.conditions")
            .OrderBy(c => c.Str("type") == "Ready" ? 0 : 1)
            .Where(c => c.Str("type") == "Ready" || (c.Str("status") == (IsBadWhenTrue(c.Str("type")) ? "True" : "False"))))
        {
            text.Append(text.Length == 0 ? "" : "; ").Append(condition.Str("type")).Append('=').Append(condition.Str("status"));
            if (condition.Str("reason") is { Length: > 0 } reason)
            {
                text.Append(" (").Append(reason).Append(')');
            }

            if (condition.Str("message") is { Length: > 0 } message)
            {
                text.Append(": ").Append(ToolOutput.Cap(message, MaxMessageChars));
            }
        }

        return text.ToString();
    }

    // Negative-polarity conditions (Stalled, *Pressure, Degraded) are the bad news when True.
    private static bool IsBadWhenTrue(string? type)
        => type is "Stalled" or "Degraded" or "Failed" || (type?.EndsWith("Pressure", StringComparison.Ordinal) ?? false) || type == "NetworkUnavailable";
}
