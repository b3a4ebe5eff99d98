using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeTriage.Bench.Generator;

/// <summary>Streams objects into <c>kubectl get -o json</c> List files, so the generator never holds the whole cluster.</summary>
internal sealed class SnapshotWriter(string directory) : IDisposable
{
    // kubectl indents with four spaces and leaves non-ASCII and HTML characters alone.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Insertion-ordered: file order decides nothing, but a List keeps Dispose deterministic.
    private readonly List<(string File, FileStream Stream, Utf8JsonWriter Writer)> _files = [];

    public int Objects { get; private set; }

    public int Logs { get; private set; }

    public void Add(string file, JsonObject item)
    {
        var writer = WriterFor(file);
        item.WriteTo(writer);
        Objects++;
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    public void AddLog(string ns, string pod, string container, bool previous, string text)
    {
        var dir = Path.Combine(directory, "logs", ns, pod);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, container + (previous ? ".previous.log" : ".log")), text);
        Logs++;
    }

    public void Dispose()
    {
        foreach (var (_, stream, writer) in _files)
        {
            writer.WriteEndArray();
            writer.WritePropertyName("metadata");
            writer.WriteStartObject();
            writer.WriteString("resourceVersion", "");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Dispose();
            stream.Dispose();
        }

        _files.Clear();
    }

    private Utf8JsonWriter WriterFor(string file)
    {
        foreach (var entry in _files)
        {
            if (entry.File == file)
            {
                return entry.Writer;
            }
        }

        var stream = new FileStream(Path.Combine(directory, file), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartObject();
        writer.WriteString("kind", "List");
        writer.WriteString("apiVersion", "v1");
        writer.WritePropertyName("items");
        writer.WriteStartArray();
        _files.Add((file, stream, writer));
        return writer;
    }
}
