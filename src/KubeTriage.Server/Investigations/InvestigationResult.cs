using KubeTriage.Core.Diagnosis;
using KubeTriage.Server.Contracts;

namespace KubeTriage.Server.Investigations;

/// <summary>What one investigation produced.</summary>
public sealed record InvestigationResult(string RequestId, DiagnosisReport Report, InvestigationMetrics Metrics);
