using KubeTriage.AI.Agents.Clusters;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>Tunes one <see cref="Coordinator"/>: turns, budgets, time limit, escalation, a management cluster and progress.</summary>
public sealed record CoordinatorOptions
{
    /// <summary>Gets the most model calls the coordinator makes, not counting the one repair turn.</summary>
    public int MaxTurns { get; init; } = 10;

    /// <summary>Gets the input-token budget of the whole investigation; once spent, nothing more is delegated and the coordinator answers.</summary>
    public long? MaxInputTokens { get; init; }

    /// <summary>Gets the time limit of the investigation; when it passes, the engine's report is returned with a warning.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the stronger collector model that re-runs a task whose findings came back with low confidence.</summary>
    public IChatClient? EscalationClient { get; init; }

    /// <summary>Gets the management cluster (Cluster API, Flux, Apps) collectors may read; null when there is none.</summary>
    public ClusterView? Management { get; init; }

    /// <summary>Gets the callback told about delegations, tool calls and escalations; awaited, so keep it short.</summary>
    public Func<AgentProgress, Task>? Progress { get; init; }
}
