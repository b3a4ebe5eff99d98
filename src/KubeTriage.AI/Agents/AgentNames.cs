using KubeTriage.AI.Configuration;

namespace KubeTriage.AI.Agents;

/// <summary>Names the agents in the <see cref="Middleware.UsageLedger"/>; the same names <see cref="ChatClientFactory.Create"/> records under by default.</summary>
public static class AgentNames
{
    /// <summary>The agent that plans and writes the diagnosis.</summary>
    public const string Coordinator = nameof(AgentRole.Coordinator);

    /// <summary>The agents that gather evidence with the read-only tools.</summary>
    public const string Collector = nameof(AgentRole.Collector);

    /// <summary>Collectors re-run on the stronger model after a low-confidence answer.</summary>
    public const string CollectorEscalation = nameof(AgentRole.CollectorEscalation);
}
