using KubeTriage.Core.Diagnosis;

namespace KubeTriage.Storage;

/// <summary>Persists conversation threads, investigations, approvals and the audit trail for the <c>kubetriage serve</c> API.</summary>
/// <remarks>
/// Implementations are thread-safe and meant to be singletons. Call <see cref="MigrateAsync"/> once at start-up before
/// any other member; several processes may start at the same time, each migration is still applied once.
/// Timestamps are UTC with microsecond precision. Unknown ids throw <see cref="KeyNotFoundException"/> from writes and
/// return <see langword="null"/> from reads.
/// </remarks>
public interface IKubeTriageStore : IApprovalStore, IAuditStore, IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema: applies, in version order, each migration not yet recorded.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the applied schema migrations, oldest first.</summary>
    Task<IReadOnlyList<AppliedMigration>> GetMigrationHistoryAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates an empty conversation thread.</summary>
    Task<ConversationThread> CreateThreadAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the thread with a caller-chosen id, creating it empty when it does not exist yet (chat clients name their threads).</summary>
    /// <remarks>The caller validates the id; two callers racing on a new id get the same thread.</remarks>
    Task<ConversationThread> GetOrCreateThreadAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>Returns a thread with its messages in the order they were appended, or null when unknown.</summary>
    Task<ConversationThread?> GetThreadAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>Appends a message to a thread and returns it with its sequence number and timestamp.</summary>
    Task<ThreadMessage> AppendMessageAsync(string threadId, MessageRole role, string content, CancellationToken cancellationToken = default);

    /// <summary>Creates a queued investigation, or returns the existing one when its alert (fingerprint and start) was already seen.</summary>
    Task<CreateInvestigationResult> CreateInvestigationAsync(NewInvestigation investigation, CancellationToken cancellationToken = default);

    /// <summary>Moves an investigation to <c>running</c>, <c>cancelled</c> or <c>timed_out</c>.</summary>
    /// <exception cref="InvalidStatusTransitionException">The current status does not allow the move.</exception>
    Task<Investigation> UpdateStatusAsync(string investigationId, InvestigationStatus status, CancellationToken cancellationToken = default);

    /// <summary>Marks a running investigation succeeded with its report and metrics; updates its thread's last report summary.</summary>
    /// <exception cref="InvalidStatusTransitionException">The investigation is not running.</exception>
    Task<Investigation> CompleteAsync(string investigationId, DiagnosisReport report, InvestigationMetrics metrics, CancellationToken cancellationToken = default);

    /// <summary>Marks a queued or running investigation failed with an error message and, when known, its metrics.</summary>
    /// <exception cref="InvalidStatusTransitionException">The investigation already finished.</exception>
    Task<Investigation> FailAsync(string investigationId, string error, InvestigationMetrics? metrics = null, CancellationToken cancellationToken = default);

    /// <summary>Returns an investigation, or null when unknown.</summary>
    Task<Investigation?> GetInvestigationAsync(string investigationId, CancellationToken cancellationToken = default);

    /// <summary>Lists investigations newest first, one page at a time.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this store returned.</exception>
    Task<InvestigationPage> ListInvestigationsAsync(InvestigationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns the investigation of an Alertmanager alert (fingerprint and <c>startsAt</c>), or null when none.</summary>
    Task<Investigation?> FindByFingerprintAsync(string fingerprint, DateTimeOffset startsAt, CancellationToken cancellationToken = default);
}
