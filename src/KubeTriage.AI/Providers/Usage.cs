using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Providers;

internal static class Usage
{
    /// <summary>Builds usage where <paramref name="uncachedInput"/> excludes cache reads and writes (Anthropic, Bedrock).</summary>
    public static UsageDetails FromUncached(long? uncachedInput, long? output, long? cacheRead, long? cacheWrite)
    {
        var input = uncachedInput is null && cacheRead is null && cacheWrite is null
            ? (long?)null
            : (uncachedInput ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
        return Create(input, output, cacheRead, cacheWrite);
    }

    /// <summary>Builds usage where <paramref name="totalInput"/> already includes cached tokens (OpenAI, Gemini).</summary>
    public static UsageDetails Create(long? totalInput, long? output, long? cacheRead, long? cacheWrite)
    {
        var usage = new UsageDetails
        {
            InputTokenCount = totalInput,
            OutputTokenCount = output,
            TotalTokenCount = totalInput is null && output is null ? null : (totalInput ?? 0) + (output ?? 0),
            CachedInputTokenCount = cacheRead,
        };
        if (cacheWrite is > 0)
        {
            usage.AdditionalCounts = new AdditionalPropertiesDictionary<long> { [UsageCountKeys.CacheWriteInputTokens] = cacheWrite.Value };
        }

        return usage;
    }
}
