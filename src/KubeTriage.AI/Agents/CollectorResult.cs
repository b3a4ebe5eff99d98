using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Agents;

/// <summary>What one collector run returned: condensed findings, its usage, model calls and wall time.</summary>
internal sealed record CollectorResult(string Findings, UsageDetails Usage, int Turns, TimeSpan Duration);
