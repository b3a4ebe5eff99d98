using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Kubernetes.Http;

namespace KubeTriage.Kubernetes;

/// <summary>Reads a watch stream: one JSON event per line, ERROR events becoming exceptions.</summary>
internal static class WatchStreamReader
{
    public static async IAsyncEnumerable<WatchEvent> ReadAsync(Stream stream, string server, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        while (await ReadLineAsync(reader, server, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var evt = Parse(line, server);
            if (evt is not null)
            {
                yield return evt;
            }
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, string server, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new KubernetesConnectionException(server, $"watch stream broke: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    private static WatchEvent? Parse(string line, string server)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new KubernetesConnectionException(server, $"watch stream contained invalid JSON: {ex.Message}", ex);
        }

        if (root?["object"] is not JsonObject obj)
        {
            throw new KubernetesConnectionException(server, "watch stream contained an event without an object");
        }

        root.Remove("object");
        switch (Json.GetString(root, "type"))
        {
            case "ADDED":
                return new WatchEvent(WatchEventType.Added, obj);
            case "MODIFIED":
                return new WatchEvent(WatchEventType.Modified, obj);
            case "DELETED":
                return new WatchEvent(WatchEventType.Deleted, obj);
            case "BOOKMARK":
                return new WatchEvent(WatchEventType.Bookmark, obj);
            case "ERROR":
                // A too-old resourceVersion arrives as HTTP 200 + an ERROR event with a 410 Status.
                var status = KubeStatus.TryParse(obj) ?? new KubeStatus(500, "Failure", null, obj.ToJsonString(), null);
                throw ApiErrors.FromStatus(status);
            default:
                // Unknown event types are skipped so that a newer server cannot break an otherwise healthy stream.
                return null;
        }
    }
}
