namespace KubeTriage.AI.Middleware;

/// <summary>Totals the token use and cost of one agent.</summary>
/// <param name="CostUsd">Dollar cost of the priced calls; calls to unpriced models add tokens but no cost.</param>
public sealed record AgentUsage(
    int Calls, long InputTokens, long OutputTokens, long CacheReadTokens, long CacheWriteTokens, decimal CostUsd);
