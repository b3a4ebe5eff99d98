namespace KubeTriage.Server.Investigations;

/// <summary>Asks for an LLM investigation of a question, when a provider is configured, within turn and time limits.</summary>
/// <param name="Question">What the user asked.</param>
/// <param name="MaxTurns">The most coordinator model calls (max_turns).</param>
/// <param name="Timeout">The time the whole investigation may take (timeout_seconds); the agents stop a little before it.</param>
internal sealed record AgentRequest(string Question, int MaxTurns, TimeSpan Timeout);
