using System.Text;

namespace KubeTriage.AI.Tests.Server;

internal sealed record ScriptedResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(string body) => new(200, "application/json", Encoding.UTF8.GetBytes(body));

    /// <summary>Server-sent events; each item is one event's full text (e.g. "event: x\ndata: {...}").</summary>
    public static ScriptedResponse Sse(params string[] events)
        => new(200, "text/event-stream", Encoding.UTF8.GetBytes(string.Concat(events.Select(e => e + "\n\n"))));

    /// <summary>AWS event-stream frames, each already encoded (see <see cref="EventStreamEncoder"/>).</summary>
    public static ScriptedResponse EventStream(params byte[][] frames)
        => new(200, "application/vnd.amazon.eventstream", [.. frames.SelectMany(f => f)]);

    public static ScriptedResponse Error(int status, string? retryAfterSeconds = null) => new(
        status,
        "application/json",
        """{"error":{"type":"scripted","message":"scripted failure"}}"""u8.ToArray(),
        retryAfterSeconds is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds });
}
