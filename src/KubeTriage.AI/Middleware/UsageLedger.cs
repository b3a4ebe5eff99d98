using KubeTriage.AI.Providers;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Accumulates token use and cost per agent name.</summary>
/// <remarks>Thread-safe: agents running in parallel record into one ledger.</remarks>
public sealed class UsageLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AgentUsage> _byAgent = new(StringComparer.Ordinal);

    /// <summary>Adds one call's usage to an agent's totals.</summary>
    public void Record(string agent, UsageDetails usage, decimal? cost)
    {
        var cacheRead = usage.CachedInputTokenCount ?? 0;
        var cacheWrite = usage.AdditionalCounts?.GetValueOrDefault(UsageCountKeys.CacheWriteInputTokens) ?? 0;
        lock (_lock)
        {
            var current = _byAgent.GetValueOrDefault(agent) ?? new AgentUsage(0, 0, 0, 0, 0, 0m);
            _byAgent[agent] = new AgentUsage(
                current.Calls + 1,
                current.InputTokens + (usage.InputTokenCount ?? 0),
                current.OutputTokens + (usage.OutputTokenCount ?? 0),
                current.CacheReadTokens + cacheRead,
                current.CacheWriteTokens + cacheWrite,
                current.CostUsd + (cost ?? 0m));
        }
    }

    /// <summary>Gets a copy of the totals per agent.</summary>
    public IReadOnlyDictionary<string, AgentUsage> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<string, AgentUsage>(_byAgent, StringComparer.Ordinal);
        }
    }

    /// <summary>Gets the totals over all agents.</summary>
    public AgentUsage Total()
    {
        var all = Snapshot().Values;
        return new AgentUsage(
            all.Sum(a => a.Calls), all.Sum(a => a.InputTokens), all.Sum(a => a.OutputTokens),
            all.Sum(a => a.CacheReadTokens), all.Sum(a => a.CacheWriteTokens), all.Sum(a => a.CostUsd));
    }
}
