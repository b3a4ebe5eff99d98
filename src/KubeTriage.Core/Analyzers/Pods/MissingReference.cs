using System.Text.RegularExpressions;

namespace KubeTriage.Core.Analyzers.Pods;

/// <summary>A ConfigMap or Secret (or one of its keys) that the kubelet could not find, parsed from its message.</summary>
public sealed partial record MissingReference(string Kind, string? Namespace, string Name, string? Key)
{
    /// <summary>Parses kubelet messages such as <c>secret "db" not found</c> or <c>couldn't find key K in ConfigMap ns/name</c>.</summary>
    public static MissingReference? Parse(string? message, string podNamespace)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        if (MissingKey().Match(message) is { Success: true } key)
        {
            return new MissingReference(KindOf(key.Groups["kind"].Value), key.Groups["ns"].Value, key.Groups["name"].Value, key.Groups["key"].Value);
        }

        if (MissingObject().Match(message) is { Success: true } obj)
        {
            return new MissingReference(KindOf(obj.Groups["kind"].Value), podNamespace, obj.Groups["name"].Value, null);
        }

        return null;
    }

    private static string KindOf(string word) => word.StartsWith("secret", StringComparison.OrdinalIgnoreCase) ? "Secret" : "ConfigMap";

    [GeneratedRegex(@"couldn't find key (?<key>\S+) in (?<kind>Secret|ConfigMap) (?<ns>[^/\s]+)/(?<name>\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingKey();

    [GeneratedRegex(@"(?<kind>secret|configmap)s? ""(?<name>[^""]+)"" not found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingObject();
}
