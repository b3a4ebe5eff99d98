using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Core.Model;

/// <summary>Wraps one Kubernetes object, read-only, as the API returned it, with its identity fields.</summary>
/// <remarks>
/// Objects are <see cref="JsonElement"/>s into the parsed document: a 100,000-object cluster stays one buffer
/// instead of millions of node objects. List items lack kind/apiVersion, so the list's values are passed in.
/// </remarks>
public sealed class KubeObject
{
    private IReadOnlyDictionary<string, string>? _labels;

    /// <summary>Wraps a JSON element; kind and apiVersion fall back to the given values (from the enclosing list).</summary>
    public KubeObject(JsonElement raw, string? kind = null, string? apiVersion = null)
    {
        Raw = raw;

        // One pass over the top-level properties: list items usually lack kind/apiVersion, and looking for an
        // absent property scans them all, for each of 100,000 events.
        JsonElement metadata = default;
        string? ownKind = null, ownApiVersion = null;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in raw.EnumerateObject())
            {
                if (property.NameEquals("metadata"u8))
                {
                    metadata = property.Value;
                }
                else if (property.NameEquals("kind"u8))
                {
                    ownKind = property.Value.AsString();
                }
                else if (property.NameEquals("apiVersion"u8))
                {
                    ownApiVersion = property.Value.AsString();
                }
            }
        }

        Kind = ownKind ?? kind ?? "";
        ApiVersion = ownApiVersion ?? apiVersion ?? "";
        Name = metadata.Str("name") ?? "";
        var ns = metadata.Str("namespace");
        Namespace = string.IsNullOrEmpty(ns) ? null : ns;
        Uid = metadata.Str("uid") ?? "";
        Ref = new ObjectRef(Kind, Namespace, Name);
    }

    /// <summary>Wraps a mutable JSON tree (tests, YAML input) by taking a read-only copy.</summary>
    public KubeObject(JsonObject node)
        : this(JsonSerializer.SerializeToElement(node))
    {
    }

    /// <summary>Gets the object as the API server returned it.</summary>
    public JsonElement Raw { get; }

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

    /// <summary>Gets metadata.labels (read once, then cached).</summary>
    public IReadOnlyDictionary<string, string> Labels => _labels ??= Raw.Map("metadata.labels");

    /// <summary>Gets metadata.annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations => Raw.Map("metadata.annotations");

    /// <summary>Gets metadata.creationTimestamp.</summary>
    public DateTimeOffset? CreationTimestamp => Raw.Time("metadata.creationTimestamp");

    /// <summary>Gets the controller owner reference (the one with controller: true), if any.</summary>
    public OwnerRef? Controller => OwnerReferences.FirstOrDefault(o => o.IsController);

    /// <summary>Gets all owner references.</summary>
    public IEnumerable<OwnerRef> OwnerReferences => Raw.Objects("metadata.ownerReferences")
        .Select(o => new OwnerRef(o.Str("kind") ?? "", o.Str("name") ?? "", o.Str("uid") ?? "", o.Bool("controller") == true));

    /// <summary>Returns a mutable copy with kind and apiVersion set, as a single GET would return it.</summary>
    public JsonObject ToJsonObject()
    {
        var node = JsonNode.Parse(Raw.GetRawText())!.AsObject();
        if (!node.ContainsKey("kind") && Kind.Length > 0)
        {
            node.Insert(0, "kind", Kind);
        }

        if (!node.ContainsKey("apiVersion") && ApiVersion.Length > 0)
        {
            node.Insert(1, "apiVersion", ApiVersion);
        }

        return node;
    }

    /// <inheritdoc />
    public override string ToString() => Ref.ToString();
}
