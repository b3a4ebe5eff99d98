using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Json;

/// Writes JSON the way Go's encoding/json does: compact, non-ASCII kept, and only
/// `<`, `>`, `&`, U+2028 and U+2029 escaped besides the mandatory JSON escapes.
internal static class GoJson
{
    private static readonly JsonWriterOptions s_compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonWriterOptions s_indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        IndentSize = 2,
    };

    /// <summary>Writer options for compact output; HTML-sensitive characters still need <see cref="ToBytes"/>'s escaping.</summary>
    public static JsonWriterOptions CompactOptions => s_compact;

    /// <summary>Compact JSON followed by a newline, as the apiserver answers.</summary>
    public static byte[] ToBytes(JsonNode? node, bool trailingNewline = true, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        var escaped = EscapeHtml(buffer.ToArray());
        if (!trailingNewline)
        {
            return escaped;
        }

        var result = new byte[escaped.Length + 1];
        escaped.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }

    public static string ToText(JsonNode? node) => Encoding.UTF8.GetString(ToBytes(node, trailingNewline: false));

    // These characters can only occur inside JSON strings, so rewriting the raw bytes is safe.
    private static byte[] EscapeHtml(byte[] utf8)
    {
        if (!NeedsEscaping(utf8))
        {
            return utf8;
        }

        var output = new List<byte>(utf8.Length + 32);
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            var replacement = b switch
            {
                (byte)'<' => "\\u003c",
                (byte)'>' => "\\u003e",
                (byte)'&' => "\\u0026",
                _ => null,
            };
            if (replacement is null && b == 0xE2 && i + 2 < utf8.Length && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9))
            {
                replacement = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
                i += 2;
            }

            if (replacement is null)
            {
                output.Add(b);
            }
            else
            {
                output.AddRange(Encoding.ASCII.GetBytes(replacement));
            }
        }

        return output.ToArray();
    }

    private static bool NeedsEscaping(byte[] utf8)
    {
        foreach (var b in utf8)
        {
            if (b is (byte)'<' or (byte)'>' or (byte)'&' or 0xE2)
            {
                return true;
            }
        }

        return false;
    }
}
