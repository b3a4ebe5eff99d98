using System.Text.Json.Nodes;

namespace KubeTriage.Kubernetes;

/// <summary>Holds the result of a complete (all pages) list: items with kind/apiVersion filled in, and the list resourceVersion.</summary>
public sealed record KubeList
{
    /// <summary>Gets the list's resourceVersion, the starting point for a watch.</summary>
    public required string ResourceVersion { get; init; }

    /// <summary>Gets the items of every page, in server order.</summary>
    public required List<JsonObject> Items { get; init; }

    /// <summary>Gets the list kind, e.g. "PodList".</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the list apiVersion.</summary>
    public string? ApiVersion { get; init; }
}
