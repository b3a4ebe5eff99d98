using System.Text.Json;

namespace KubeTriage.Kubernetes;

/// <summary>Holds a complete (all pages) list as read-only elements: the fast path for collecting a large cluster.</summary>
/// <remarks>Items keep the wire form, without kind/apiVersion; <see cref="ItemKind"/> and <see cref="ApiVersion"/> supply them.</remarks>
public sealed record KubeElementList
{
    /// <summary>Gets the list's resourceVersion.</summary>
    public required string ResourceVersion { get; init; }

    /// <summary>Gets the kind of the items (the list kind without "List").</summary>
    public string? ItemKind { get; init; }

    /// <summary>Gets the list apiVersion.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Gets the items of every page, in server order.</summary>
    public required IReadOnlyList<JsonElement> Items { get; init; }
}
