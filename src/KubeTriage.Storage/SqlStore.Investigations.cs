using System.Data.Common;
using System.Text.Json;
using KubeTriage.Core.Diagnosis;
using KubeTriage.Core.Reports;

namespace KubeTriage.Storage;

/// <summary>Investigations: creation with alert dedup, status transitions, reads and keyset paging.</summary>
internal abstract partial class SqlStore
{
    private const string Columns = "id, thread_id, source, query, cluster, namespace, alert_fingerprint, alert_starts_at, status, created_at, started_at, finished_at, error, report, metrics";

    public async Task<CreateInvestigationResult> CreateInvestigationAsync(NewInvestigation investigation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentException.ThrowIfNullOrEmpty(investigation.Query, nameof(investigation));
        if ((investigation.AlertFingerprint is null) != (investigation.AlertStartsAt is null))
        {
            throw new ArgumentException("An alert investigation needs both AlertFingerprint and AlertStartsAt.", nameof(investigation));
        }

        var created = new Investigation
        {
            Id = NewId("inv"),
            ThreadId = investigation.ThreadId,
            Source = investigation.Source,
            Query = investigation.Query,
            Cluster = investigation.Cluster,
            Namespace = investigation.Namespace,
            AlertFingerprint = investigation.AlertFingerprint,
            AlertStartsAt = investigation.AlertStartsAt is { } startsAt ? Truncate(startsAt) : null,
            Status = InvestigationStatus.Queued,
            CreatedAt = Now(),
        };

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (created.ThreadId is not null)
        {
            await using var exists = Command(connection, transaction, "SELECT COUNT(*) FROM threads WHERE id = @id");
            Add(exists, "id", created.ThreadId);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new KeyNotFoundException($"thread {created.ThreadId} not found");
            }
        }

        // The unique (fingerprint, startsAt) index makes a repeated alert a no-op, even when two arrive at once.
        await using (var insert = Command(connection, transaction, """
            INSERT INTO investigations (id, thread_id, source, query, cluster, namespace, alert_fingerprint, alert_starts_at, status, created_at)
            VALUES (@id, @thread_id, @source, @query, @cluster, @namespace, @fingerprint, @starts_at, @status, @created_at)
            ON CONFLICT DO NOTHING
            """))
        {
            Add(insert, "id", created.Id);
            Add(insert, "thread_id", created.ThreadId);
            Add(insert, "source", WireNames.Of(created.Source));
            Add(insert, "query", created.Query);
            Add(insert, "cluster", created.Cluster);
            Add(insert, "namespace", created.Namespace);
            Add(insert, "fingerprint", created.AlertFingerprint);
            Add(insert, "starts_at", created.AlertStartsAt is { } s ? ToDb(s) : null);
            Add(insert, "status", WireNames.Of(created.Status));
            Add(insert, "created_at", ToDb(created.CreatedAt));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                return new CreateInvestigationResult(created, Created: true);
            }
        }

        var existing = await FindByFingerprintAsync(connection, transaction, created.AlertFingerprint!, created.AlertStartsAt!.Value, cancellationToken)
            ?? throw new InvalidOperationException("An investigation insert conflicted but no investigation has its alert.");
        await transaction.CommitAsync(cancellationToken);
        return new CreateInvestigationResult(existing, Created: false);
    }

    public Task<Investigation> UpdateStatusAsync(string investigationId, InvestigationStatus status, CancellationToken cancellationToken = default)
    {
        if (status is not (InvestigationStatus.Running or InvestigationStatus.Cancelled or InvestigationStatus.TimedOut))
        {
            throw new ArgumentException($"Use CompleteAsync or FailAsync to reach {WireNames.Of(status)}.", nameof(status));
        }

        return TransitionAsync(investigationId, status, error: null, report: null, metrics: null, cancellationToken);
    }

    public Task<Investigation> CompleteAsync(string investigationId, DiagnosisReport report, InvestigationMetrics metrics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metrics);
        return TransitionAsync(investigationId, InvestigationStatus.Succeeded, error: null, report, metrics, cancellationToken);
    }

    public Task<Investigation> FailAsync(string investigationId, string error, InvestigationMetrics? metrics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TransitionAsync(investigationId, InvestigationStatus.Failed, error, report: null, metrics, cancellationToken);
    }

    public async Task<Investigation?> GetInvestigationAsync(string investigationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(investigationId);
        await using var connection = await OpenAsync(cancellationToken);
        return await GetAsync(connection, null, investigationId, cancellationToken);
    }

    public async Task<Investigation?> FindByFingerprintAsync(string fingerprint, DateTimeOffset startsAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        await using var connection = await OpenAsync(cancellationToken);
        return await FindByFingerprintAsync(connection, null, fingerprint, Truncate(startsAt), cancellationToken);
    }

    public async Task<InvestigationPage> ListInvestigationsAsync(InvestigationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, InvestigationQuery.MaxLimit, nameof(query));
        var after = query.Cursor is null ? (PageCursor?)null : PageCursor.Decode(query.Cursor);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        void Filter(string clause, string name, object? value)
        {
            where.Add(clause);
            Add(command, name, value);
        }

        if (query.Status is { } status)
        {
            Filter("status = @status", "status", WireNames.Of(status));
        }

        if (query.Source is { } source)
        {
            Filter("source = @source", "source", WireNames.Of(source));
        }

        if (query.Cluster is not null)
        {
            Filter("cluster = @cluster", "cluster", query.Cluster);
        }

        if (query.Namespace is not null)
        {
            Filter("namespace = @namespace", "namespace", query.Namespace);
        }

        if (query.Since is { } since)
        {
            Filter("created_at >= @since", "since", ToDb(Truncate(since)));
        }

        if (query.Until is { } until)
        {
            Filter("created_at < @until", "until", ToDb(Truncate(until)));
        }

        if (!string.IsNullOrEmpty(query.TextContains))
        {
            Filter(@"lower(query) LIKE @text ESCAPE '\'", "text", "%" + EscapeLike(query.TextContains.ToLowerInvariant()) + "%");
        }

        var (items, next) = await ReadPageAsync(
            command, Columns, "investigations", where, after, query.Limit, ReadAllAsync, i => new PageCursor(i.CreatedAt, i.Id), cancellationToken);
        return new InvestigationPage(items, next);
    }

    private async Task<Investigation> TransitionAsync(
        string investigationId, InvestigationStatus to, string? error, DiagnosisReport? report, InvestigationMetrics? metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigationId);
        var now = Now();
        var allowed = string.Join(", ", StatusTransitions.AllowedFrom(to).Select(s => "'" + WireNames.Of(s) + "'"));
        var sets = new List<string> { "status = @status" };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var update = Command(connection, transaction, ""))
        {
            Add(update, "id", investigationId);
            Add(update, "status", WireNames.Of(to));
            Add(update, "now", ToDb(now));
            sets.Add(to == InvestigationStatus.Running ? "started_at = @now" : "finished_at = @now");
            if (error is not null)
            {
                sets.Add("error = @error");
                Add(update, "error", error);
            }

            if (report is not null)
            {
                sets.Add("report = @report");
                AddJson(update, "report", ReportJson.Serialize(report));
            }

            if (metrics is not null)
            {
                sets.Add("metrics = @metrics");
                AddJson(update, "metrics", JsonSerializer.Serialize(metrics));
            }

            // The status check is in the UPDATE itself, so two racing transitions cannot both win.
            update.CommandText = $"UPDATE investigations SET {string.Join(", ", sets)} WHERE id = @id AND status IN ({allowed})";
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var current = await GetAsync(connection, transaction, investigationId, cancellationToken)
                    ?? throw new KeyNotFoundException($"investigation {investigationId} not found");
                throw new InvalidStatusTransitionException(investigationId, current.Status, to);
            }
        }

        var updated = (await GetAsync(connection, transaction, investigationId, cancellationToken))!;
        if (report is not null && updated.ThreadId is not null)
        {
            await using var thread = Command(connection, transaction, "UPDATE threads SET last_report_summary = @summary, last_investigation_id = @id, updated_at = @now WHERE id = @thread_id");
            Add(thread, "summary", report.Summary);
            Add(thread, "id", investigationId);
            Add(thread, "now", ToDb(now));
            Add(thread, "thread_id", updated.ThreadId);
            await thread.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    private async Task<Investigation?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM investigations WHERE id = @id");
        Add(command, "id", id);
        var items = await ReadAllAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    private async Task<Investigation?> FindByFingerprintAsync(DbConnection connection, DbTransaction? transaction, string fingerprint, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM investigations WHERE alert_fingerprint = @fingerprint AND alert_starts_at = @starts_at");
        Add(command, "fingerprint", fingerprint);
        Add(command, "starts_at", ToDb(startsAt));
        var items = await ReadAllAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    private async Task<List<Investigation>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<Investigation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new Investigation
            {
                Id = reader.GetString(0),
                ThreadId = NullableString(reader, 1),
                Source = WireNames.ParseSource(reader.GetString(2)),
                Query = reader.GetString(3),
                Cluster = NullableString(reader, 4),
                Namespace = NullableString(reader, 5),
                AlertFingerprint = NullableString(reader, 6),
                AlertStartsAt = reader.IsDBNull(7) ? null : ReadTime(reader, 7),
                Status = WireNames.ParseStatus(reader.GetString(8)),
                CreatedAt = ReadTime(reader, 9),
                StartedAt = reader.IsDBNull(10) ? null : ReadTime(reader, 10),
                FinishedAt = reader.IsDBNull(11) ? null : ReadTime(reader, 11),
                Error = NullableString(reader, 12),
                Report = reader.IsDBNull(13) ? null : ReportJson.Deserialize(reader.GetString(13)),
                Metrics = reader.IsDBNull(14) ? null : JsonSerializer.Deserialize<InvestigationMetrics>(reader.GetString(14)),
            });
        }

        return items;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
