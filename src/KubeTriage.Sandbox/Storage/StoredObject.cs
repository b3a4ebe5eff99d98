using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Storage;

/// One stored revision of an object. The JSON is never mutated once stored (writes store a new revision),
/// so readers share it without copying and may cache renderings of it.
internal sealed class StoredObject
{
    private Rendering? _rendering;

    public StoredObject(StoreKey key, JsonObject obj)
    {
        Key = key;
        TableKey = key.TableKey;
        Object = obj;
    }

    public StoreKey Key { get; }

    public string TableKey { get; }

    /// <summary>Read-only: clone before changing it.</summary>
    public JsonObject Object { get; }

    /// <summary>
    /// The object rendered one way (e.g. as a list item of one group/version), computed once. A single slot suffices:
    /// clients nearly always read a resource through one version, and a miss only costs a re-render.
    /// </summary>
    public byte[] Render(string variant, Func<JsonObject, byte[]> render)
    {
        var cached = Volatile.Read(ref _rendering);
        if (cached is not null && cached.Variant == variant)
        {
            return cached.Bytes;
        }

        var bytes = render(Object);
        Volatile.Write(ref _rendering, new Rendering(variant, bytes));
        return bytes;
    }

    private sealed record Rendering(string Variant, byte[] Bytes);
}
