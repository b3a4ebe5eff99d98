using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeTriage.Remediation.Audit;

/// <summary>Masks credentials in action inputs before they reach the audit trail.</summary>
/// <remarks>
/// Masks the value of every object key, and of every <c>--flag value</c> / <c>--flag=value</c> in a string array
/// (kubectl argv), whose name contains kubeconfig, token, password, passwd, authorization, api-key, private-key,
/// client-key or credential (case, <c>-</c> and <c>_</c> ignored); and <c>Bearer ...</c> in any string.
/// </remarks>
public static partial class AuditInputGuard
{
    /// <summary>The text that replaces a masked value.</summary>
    public const string Mask = "***";

    private static readonly string[] SensitiveWords = ["kubeconfig", "token", "password", "passwd", "authorization", "apikey", "privatekey", "clientkey", "credential"];

    /// <summary>Returns a masked copy of the inputs; the argument is left unchanged.</summary>
    public static JsonNode? Apply(JsonNode? inputs) => MaskNode(inputs?.DeepClone());

    /// <summary>Returns whether a key or flag name names a credential.</summary>
    public static bool IsSensitive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = name.TrimStart('-').Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        return SensitiveWords.Any(word => normalized.Contains(word, StringComparison.Ordinal));
    }

    private static JsonNode? MaskNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (IsSensitive(key) && child is not null)
                    {
                        obj[key] = Mask;
                    }
                    else if (MaskNode(child) is var masked && !ReferenceEquals(masked, child))
                    {
                        obj[key] = masked;
                    }
                }

                return obj;
            case JsonArray array:
                var maskNext = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (maskNext && array[i] is JsonValue)
                    {
                        array[i] = Mask;
                        maskNext = false;
                        continue;
                    }

                    maskNext = false;
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("--", StringComparison.Ordinal))
                    {
                        var equals = text.IndexOf('=', StringComparison.Ordinal);
                        var flag = equals < 0 ? text : text[..equals];
                        if (IsSensitive(flag))
                        {
                            if (equals < 0)
                            {
                                maskNext = true;
                            }
                            else
                            {
                                array[i] = flag + "=" + Mask;
                            }

                            continue;
                        }
                    }

                    if (MaskNode(array[i]) is var replaced && !ReferenceEquals(replaced, array[i]))
                    {
                        array[i] = replaced;
                    }
                }

                return array;
            case JsonValue leaf when leaf.TryGetValue<string>(out var s) && Bearer().IsMatch(s):
                return Bearer().Replace(s, "$1 " + Mask);
            default:
                return node;
        }
    }

    [GeneratedRegex(@"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")]
    private static partial Regex Bearer();
}
