using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Discovery;

/// One servable resource in one group/version, with what discovery says about it.
internal sealed record ResourceInfo(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SubresourceInfo> Subresources)
{
    /// <summary>Builtins report "" in discovery; CRDs report their singular.</summary>
    public string SingularName { get; init; } = "";

    /// <summary>False for virtual resources (bindings, reviews) that have no storageVersionHash.</summary>
    public bool HasStorage { get; init; } = true;

    /// <summary>Custom resources are served unstructured: sorted keys and <c>"continue": ""</c> in lists.</summary>
    public bool IsCustom { get; init; }

    /// <summary>CRD additionalPrinterColumns, when declared.</summary>
    public JsonArray? PrinterColumns { get; init; }

    /// <summary>CRD scale subresource paths (specReplicasPath...), when declared.</summary>
    public JsonObject? ScaleSpec { get; init; }

    /// <summary>The group whose storage holds the objects (events.k8s.io events live in core events).</summary>
    public string StorageGroup { get; init; } = Group;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>"deployments.apps" style name used in conflict messages.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";

    public bool HasSubresource(string name) => Subresources.Any(s => s.Name == name);

    public bool HasVerb(string verb) => Verbs.Contains(verb);
}
