using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>The answer of <c>POST /api/sendMessage</c>.</summary>
/// <param name="Content">The analysis in plain text.</param>
/// <param name="Data">Suggested commands (not run) and the commands that ran, with their output.</param>
/// <param name="ThreadId">The conversation to continue.</param>
public sealed record SendMessageResponse(
    [property: JsonPropertyName("Content")] string Content,
    [property: JsonPropertyName("data")] ChatData Data,
    [property: JsonPropertyName("thread_id")] string ThreadId);
