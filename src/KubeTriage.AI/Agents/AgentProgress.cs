namespace KubeTriage.AI.Agents;

/// <summary>One step of an agent investigation (a delegation, a tool call, an escalation), reported as it happens.</summary>
/// <param name="Agent">Who acts: "coordinator", "collector:logs", "collector:management", ...</param>
/// <param name="Step">What it does: "delegate", "tool", "escalate", "answer", "fallback".</param>
/// <param name="Detail">One line for a person watching, never cluster data beyond object names.</param>
public sealed record AgentProgress(string Agent, string Step, string Detail);
