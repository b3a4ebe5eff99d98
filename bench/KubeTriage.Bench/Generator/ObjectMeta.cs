using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Builds metadata blocks and owner references shaped as the API server returns them.</summary>
internal sealed class ObjectMeta(Ids ids, CaptureClock clock)
{
    public JsonObject Build(string name, string? ns, double createdAgo, JsonObject? labels = null, JsonObject? annotations = null,
        JsonObject? owner = null, string? uid = null, string? generateName = null, int? generation = null)
    {
        // Keys in the API server's (alphabetical) order so files diff like real kubectl output.
        var meta = new JsonObject();
        if (annotations is not null)
        {
            meta["annotations"] = annotations;
        }

        meta["creationTimestamp"] = clock.At(createdAgo);
        if (generateName is not null)
        {
            meta["generateName"] = generateName;
        }

        if (generation is not null)
        {
            meta["generation"] = generation.Value;
        }

        if (labels is not null)
        {
            meta["labels"] = labels;
        }

        meta["name"] = name;
        if (ns is not null)
        {
            meta["namespace"] = ns;
        }

        if (owner is not null)
        {
            meta["ownerReferences"] = new JsonArray(owner);
        }

        meta["resourceVersion"] = ids.NextResourceVersion();
        meta["uid"] = uid ?? ids.Uid();
        return meta;
    }

    public static JsonObject Owner(string apiVersion, string kind, string name, string uid) => new()
    {
        ["apiVersion"] = apiVersion,
        ["blockOwnerDeletion"] = true,
        ["controller"] = true,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
    };
}
