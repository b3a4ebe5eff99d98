using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>What one collector run returned: condensed findings, how sure it is, its usage, model calls and wall time.</summary>
/// <param name="Confidence">"low", "medium" or "high" as the collector stated it; null when it did not say.</param>
internal sealed record CollectorResult(string Findings, string? Confidence, UsageDetails Usage, int Turns, TimeSpan Duration);
