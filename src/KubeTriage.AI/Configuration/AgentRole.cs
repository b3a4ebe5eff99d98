namespace KubeTriage.AI.Configuration;

/// <summary>Names the agent roles that may use different models.</summary>
public enum AgentRole
{
    /// <summary>The agent that plans and writes the diagnosis; gets the stronger model.</summary>
    Coordinator,

    /// <summary>The agents that gather and summarise evidence; get the cheaper model.</summary>
    Collector,

    /// <summary>A collector re-run on a stronger model after it reported low confidence.</summary>
    CollectorEscalation,
}
