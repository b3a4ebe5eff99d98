namespace KubeTriage.Remediation.Audit;

/// <summary>One thing wrong with the audit trail.</summary>
/// <param name="Source">Where it was found.</param>
/// <param name="Sequence">The sequence number of the first record concerned, when known.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence naming the record and the reason, for <c>kubetriage audit verify</c>.</param>
public sealed record AuditProblem(AuditRecordSource Source, long? Sequence, AuditProblemKind Kind, string Message);
