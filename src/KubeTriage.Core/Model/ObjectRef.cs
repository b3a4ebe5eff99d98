using System.Text.Json.Serialization;

namespace KubeTriage.Core.Model;

/// <summary>Names one Kubernetes object: kind, namespace (empty for cluster-scoped) and name.</summary>
public sealed record ObjectRef(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("namespace")] string? Namespace,
    [property: JsonPropertyName("name")] string Name)
{
    /// <summary>Parses <c>Kind/namespace/name</c> or <c>Kind/name</c> for cluster-scoped objects.</summary>
    public static ObjectRef Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length switch
        {
            3 => new ObjectRef(parts[0], parts[1], parts[2]),
            2 => new ObjectRef(parts[0], null, parts[1]),
            _ => throw new FormatException($"'{text}' is not Kind/namespace/name or Kind/name"),
        };
    }

    /// <summary>Returns <c>Kind/namespace/name</c> (or <c>Kind/name</c>).</summary>
    public override string ToString() => string.IsNullOrEmpty(Namespace) ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    /// <summary>Returns the short form kubectl accepts, such as <c>deployment/checkout</c>.</summary>
    public string ToKubectlTarget() => $"{Kind.ToLowerInvariant()}/{Name}";

    /// <summary>Returns <c>-n namespace</c> for kubectl, or nothing for cluster-scoped objects.</summary>
    [JsonIgnore]
    public string NamespaceFlag => string.IsNullOrEmpty(Namespace) ? "" : $" -n {Namespace}";
}
