using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>A chat message for <c>POST /api/sendMessage</c>.</summary>
public sealed record SendMessageRequest
{
    /// <summary>Gets the message, such as "List my pods in the shop namespace" or "approved".</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>Gets the conversation id; a new one is started when omitted or not yet known.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets commands, approvals and the optional kubeconfig.</summary>
    [JsonPropertyName("data")]
    public ChatData? Data { get; init; }
}
