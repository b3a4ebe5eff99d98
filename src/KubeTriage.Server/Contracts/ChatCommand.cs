using System.Text.Json.Serialization;

namespace KubeTriage.Server.Contracts;

/// <summary>One kubectl command in the chat flow: suggested (<c>execute: false</c>), approved (<c>true</c>) or run.</summary>
public sealed record ChatCommand
{
    /// <summary>Gets the command line, starting with <c>kubectl</c>.</summary>
    [JsonPropertyName("Command")]
    public string Command { get; init; } = "";

    /// <summary>Gets what the command printed (stdout and stderr), or why it did not run.</summary>
    [JsonPropertyName("Output")]
    public string Output { get; init; } = "";

    /// <summary>Gets whether the caller approves running it (requests) or whether it ran (answers).</summary>
    [JsonPropertyName("execute")]
    public bool Execute { get; init; }

    /// <summary>Gets the policy tier of a suggested or refused command: read, safe, confirm or forbidden.</summary>
    [JsonPropertyName("risk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Risk { get; init; }

    /// <summary>Gets why the command has its tier or was refused.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>Gets kubectl's exit code when it ran.</summary>
    [JsonPropertyName("exit_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ExitCode { get; init; }
}
