namespace KubeTriage.AI.Providers;

/// <summary>Names the <see cref="Microsoft.Extensions.AI.UsageDetails.AdditionalCounts"/> keys the adapters fill.</summary>
/// <remarks>
/// Every adapter reports <c>InputTokenCount</c> as all prompt tokens (uncached + cache read + cache write),
/// <c>CachedInputTokenCount</c> as cache reads, and cache writes under <see cref="CacheWriteInputTokens"/>.
/// </remarks>
public static class UsageCountKeys
{
    /// <summary>Gets the key for prompt tokens written to the provider's prompt cache.</summary>
    public const string CacheWriteInputTokens = "CacheWriteInputTokens";
}
