using System.Text.Json.Nodes;

namespace KubeTriage.Core.Model;

/// <summary>Wraps one unstructured Kubernetes object (as the API returns it) with its identity fields.</summary>
public sealed class KubeObject
{
    /// <summary>Wraps a JSON object that carries kind, apiVersion and metadata.</summary>
    public KubeObject(JsonObject raw)
    {
        Raw = raw;
        Kind = raw.Str("kind") ?? "";
        ApiVersion = raw.Str("apiVersion") ?? "";
        Name = raw.Str("metadata.name") ?? "";
        Namespace = raw.Str("metadata.namespace");
        Uid = raw.Str("metadata.uid") ?? "";
        Ref = new ObjectRef(Kind, string.IsNullOrEmpty(Namespace) ? null : Namespace, Name);
    }

    /// <summary>Gets the object as the API server returned it.</summary>
    public JsonObject Raw { get; }

    /// <summary>Gets the kind, such as Pod.</summary>
    public string Kind { get; }

    /// <summary>Gets the apiVersion, such as apps/v1.</summary>
    public string ApiVersion { get; }

    /// <summary>Gets metadata.name.</summary>
    public string Name { get; }

    /// <summary>Gets metadata.namespace, or null for cluster-scoped objects.</summary>
    public string? Namespace { get; }

    /// <summary>Gets metadata.uid (empty when the source had none).</summary>
    public string Uid { get; }

    /// <summary>Gets the reference naming this object.</summary>
    public ObjectRef Ref { get; }

    /// <summary>Gets metadata.labels.</summary>
    public IReadOnlyDictionary<string, string> Labels => Raw.Map("metadata.labels");

    /// <summary>Gets metadata.annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations => Raw.Map("metadata.annotations");

    /// <summary>Gets metadata.creationTimestamp.</summary>
    public DateTimeOffset? CreationTimestamp => Raw.Time("metadata.creationTimestamp");

    /// <summary>Gets the controller owner reference (the one with controller: true), if any.</summary>
    public OwnerRef? Controller => OwnerReferences.FirstOrDefault(o => o.IsController);

    /// <summary>Gets all owner references.</summary>
    public IEnumerable<OwnerRef> OwnerReferences => Raw.Objects("metadata.ownerReferences")
        .Select(o => new OwnerRef(o.Str("kind") ?? "", o.Str("name") ?? "", o.Str("uid") ?? "", o.Bool("controller") == true));

    /// <inheritdoc />
    public override string ToString() => Ref.ToString();
}
