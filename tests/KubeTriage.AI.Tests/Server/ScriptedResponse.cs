namespace KubeTriage.AI.Tests.Server;

internal sealed record ScriptedResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(string body) => new(200, "application/json", body);

    /// <summary>Server-sent events; each item is one event's full text (e.g. "event: x\ndata: {...}").</summary>
    public static ScriptedResponse Sse(params string[] events) => new(200, "text/event-stream", string.Concat(events.Select(e => e + "\n\n")));

    public static ScriptedResponse Error(int status, string? retryAfterSeconds = null) => new(
        status,
        "application/json",
        """{"error":{"type":"scripted","message":"scripted failure"}}""",
        retryAfterSeconds is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds });
}
