using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>The <c>data</c> object of <c>POST /api/sendMessage</c> requests and answers.</summary>
public sealed record ChatData
{
    /// <summary>Gets suggested commands (answers) or commands the caller approves with <c>execute: true</c> (requests).</summary>
    [JsonPropertyName("Cmds")]
    public IReadOnlyList<ChatCommand>? Cmds { get; init; }

    /// <summary>Gets commands that ran: by us (answers) or by the caller elsewhere, for analysis (requests).</summary>
    [JsonPropertyName("executedCmds")]
    public IReadOnlyList<ChatCommand>? ExecutedCmds { get; init; }

    /// <summary>Gets whether every suggested command is approved.</summary>
    [JsonPropertyName("execute_all")]
    public bool ExecuteAll { get; init; }

    /// <summary>Gets a base64 kubeconfig for this thread (requests only; never echoed).</summary>
    [JsonPropertyName("kubeconfig")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kubeconfig { get; init; }
}
