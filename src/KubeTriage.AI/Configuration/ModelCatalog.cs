using KubeTriage.AI.Middleware;

namespace KubeTriage.AI.Configuration;

/// <summary>Holds the built-in prices (USD per million tokens, vendors' list prices) and context windows of common models.</summary>
/// <remarks>A config file's <c>models:</c> entries override or extend these; unknown models get no cost and no compaction.</remarks>
public static class ModelCatalog
{
    /// <summary>Creates a table with the built-in entries.</summary>
    public static PriceTable Defaults()
    {
        var table = new PriceTable();
        Add(table, "claude-opus-4", 15m, 75m, 18.75m, 1.50m, 200_000);
        Add(table, "claude-sonnet-4", 3m, 15m, 3.75m, 0.30m, 200_000);
        Add(table, "claude-haiku-4-5", 1m, 5m, 1.25m, 0.10m, 200_000);
        Add(table, "claude-3-5-haiku", 0.80m, 4m, 1m, 0.08m, 200_000);
        Add(table, "gpt-4.1", 2m, 8m, 0m, 0.50m, 1_047_576);
        Add(table, "gpt-4.1-mini", 0.40m, 1.60m, 0m, 0.10m, 1_047_576);
        Add(table, "gpt-4.1-nano", 0.10m, 0.40m, 0m, 0.025m, 1_047_576);
        Add(table, "gpt-4o", 2.50m, 10m, 0m, 1.25m, 128_000);
        Add(table, "gpt-4o-mini", 0.15m, 0.60m, 0m, 0.075m, 128_000);
        Add(table, "gemini-2.5-pro", 1.25m, 10m, 0m, 0.31m, 1_048_576);
        Add(table, "gemini-2.5-flash", 0.30m, 2.50m, 0m, 0.075m, 1_048_576);
        Add(table, "llama3", 0m, 0m, 0m, 0m, 128_000);
        return table;
    }

    private static void Add(PriceTable table, string prefix, decimal input, decimal output, decimal cacheWrite, decimal cacheRead, int window)
        => table.Set(prefix, new ModelPrice(input, output, cacheWrite, cacheRead)).SetContextWindow(prefix, window);
}
