using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Configuration;

/// <summary>Holds the chat pipelines of one investigation, one per agent role.</summary>
/// <param name="Escalation">The stronger collector model for low-confidence findings; null when escalation is off.</param>
public sealed record AgentClients(IChatClient Coordinator, IChatClient Collector, IChatClient? Escalation);
