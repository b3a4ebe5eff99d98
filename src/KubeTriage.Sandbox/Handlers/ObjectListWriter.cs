using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Sandbox.Discovery;
using KubeTriage.Sandbox.Json;
using KubeTriage.Sandbox.Objects;
using KubeTriage.Sandbox.Storage;

namespace KubeTriage.Sandbox.Handlers;

/// Writes a list body from its envelope and the items' list-item JSON. Stored objects are immutable, so each
/// item is rendered (copy, served form, Go-style JSON) once per resource version and the bytes are reused by
/// every later page, instead of deep-copying and re-serializing the objects on each request.
internal static class ObjectListWriter
{
    /// <summary>Byte-identical to <see cref="GoJson.ToBytes"/> of the envelope with the served items in "items".</summary>
    public static ReadOnlyMemory<byte> Write(JsonObject envelope, IReadOnlyList<StoredObject> items, ResourceInfo resource)
    {
        var variant = $"list-item {resource.ApiVersion} {resource.Kind} {resource.IsCustom}";
        var rendered = new byte[items.Count][];
        var size = 256;
        for (var i = 0; i < items.Count; i++)
        {
            rendered[i] = items[i].Render(variant, obj => RenderItem(obj, resource));
            size += rendered[i].Length + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(size);
        using (var writer = new Utf8JsonWriter(buffer, GoJson.CompactOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in envelope)
            {
                writer.WritePropertyName(name);
                if (name == "items")
                {
                    writer.WriteStartArray();
                    foreach (var item in rendered)
                    {
                        writer.WriteRawValue(item, skipInputValidation: true);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteRawValue(GoJson.ToBytes(value, trailingNewline: false), skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }

    private static byte[] RenderItem(JsonObject stored, ResourceInfo resource) =>
        GoJson.ToBytes(ObjectViews.AsListItem(ObjectViews.ToServed(stored.CloneObject(), resource), resource), trailingNewline: false);
}
