namespace KubeTriage.Remediation.Audit;

/// <summary>The result of verifying the audit trail.</summary>
/// <param name="RecordsChecked">How many database records were checked (file records when only the file was verified).</param>
/// <param name="FileRecordsChecked">How many well-formed lines of <c>audit.jsonl</c> were checked; 0 when not verified.</param>
/// <param name="Problems">What is wrong, in chain order; the first is the first broken record. At most <see cref="AuditVerifier.MaxProblems"/>.</param>
/// <param name="HeadSequence">The last record's sequence number, 0 when empty; note it with <paramref name="HeadHash"/> elsewhere to detect a rewritten chain.</param>
/// <param name="HeadHash">The last record's hash, or the genesis hash when empty.</param>
public sealed record AuditVerification(long RecordsChecked, long FileRecordsChecked, IReadOnlyList<AuditProblem> Problems, long HeadSequence, string HeadHash)
{
    /// <summary>Gets whether no problem was found.</summary>
    public bool Ok => Problems.Count == 0;
}
