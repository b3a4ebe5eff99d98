using KubeTriage.Storage;

namespace KubeTriage.Remediation.Audit;

/// <summary>What <see cref="AuditFile.ReadAsync"/> found.</summary>
internal sealed record AuditFileContents(bool Exists, IReadOnlyList<(AuditRecord Record, int Line)> Records, IReadOnlyList<AuditProblem> Problems);
