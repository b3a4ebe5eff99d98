using KubeTriage.AI.Providers;
using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Middleware;

/// <summary>Maps model ids (or id prefixes, longest wins) to prices and context windows, and computes the cost of a call.</summary>
/// <remarks>
/// Prefixes let one entry cover dated snapshots such as <c>claude-sonnet-4-5-20250929</c>; Bedrock ids such as
/// <c>us.anthropic.claude-haiku-4-5-20251001-v1:0</c> also match the entry of the model after "anthropic.".
/// Not thread-safe to mutate while in use.
/// </remarks>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _contextWindows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the price of every model whose id starts with <paramref name="modelPrefix"/>.</summary>
    public PriceTable Set(string modelPrefix, ModelPrice price)
    {
        _prices[modelPrefix] = price;
        return this;
    }

    /// <summary>Sets the context window, in tokens, of every model whose id starts with <paramref name="modelPrefix"/>.</summary>
    public PriceTable SetContextWindow(string modelPrefix, int tokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 1_000);
        _contextWindows[modelPrefix] = tokens;
        return this;
    }

    /// <summary>Finds the price of a model, or null when the table does not know it.</summary>
    public ModelPrice? Find(string? model) => Lookup(_prices, model);

    /// <summary>Finds the context window of a model in tokens, or null when the table does not know it.</summary>
    public int? ContextWindow(string? model) => Lookup(_contextWindows, model) is { } tokens and > 0 ? tokens : null;

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

    private static T? Lookup<T>(Dictionary<string, T> table, string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return default;
        }

        var vendorAt = model.LastIndexOf("anthropic.", StringComparison.OrdinalIgnoreCase);
        string[] candidates = vendorAt < 0 ? [model] : [model, model[(vendorAt + "anthropic.".Length)..]];
        return candidates
            .SelectMany(id => table.Where(p => id.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
