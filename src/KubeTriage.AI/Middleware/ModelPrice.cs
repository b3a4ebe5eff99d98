namespace KubeTriage.AI.Middleware;

/// <summary>Prices one model in US dollars per million tokens.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion, decimal CacheWritePerMillion, decimal CacheReadPerMillion);
