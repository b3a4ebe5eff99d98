using KubeTriage.Core.Diagnosis;

namespace KubeTriage.AI.Agents;

/// <summary>Holds the report of an agent investigation and what it cost.</summary>
/// <param name="Report">The agents' report, or the deterministic one (with a warning) when the answer was unusable.</param>
/// <param name="Metrics">Wall time, model calls, tokens and cost, per agent.</param>
public sealed record InvestigationOutcome(DiagnosisReport Report, InvestigationMetrics Metrics);
