using KubeTriage.AI.Providers;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Maps model ids (or id prefixes, longest wins) to prices and computes the cost of a call.</summary>
/// <remarks>Prefixes let one entry cover dated snapshots such as <c>claude-sonnet-4-5-20250929</c>. Not thread-safe to mutate while in use.</remarks>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the price of every model whose id starts with <paramref name="modelPrefix"/>.</summary>
    public PriceTable Set(string modelPrefix, ModelPrice price)
    {
        _prices[modelPrefix] = price;
        return this;
    }

    /// <summary>Finds the price of a model, or null when the table does not know it.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        return _prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>Computes the dollar cost of <paramref name="usage"/>, or null when the model has no price.</summary>
    public decimal? Cost(string? model, UsageDetails usage)
    {
        if (Find(model) is not { } price)
        {
            return null;
        }

        var cacheRead = usage.CachedInputTokenCount ?? 0;
        var cacheWrite = usage.AdditionalCounts?.GetValueOrDefault(UsageCountKeys.CacheWriteInputTokens) ?? 0;
        var uncached = Math.Max(0, (usage.InputTokenCount ?? 0) - cacheRead - cacheWrite);
        var output = usage.OutputTokenCount ?? 0;
        return ((uncached * price.InputPerMillion) + (output * price.OutputPerMillion)
            + (cacheWrite * price.CacheWritePerMillion) + (cacheRead * price.CacheReadPerMillion)) / 1_000_000m;
    }
}
