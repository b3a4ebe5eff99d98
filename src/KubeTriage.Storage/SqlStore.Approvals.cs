using System.Data.Common;
using System.Globalization;

namespace KubeTriage.Storage;

/// <summary>Approvals: creation, decisions, the exactly-once execution claim, expiry and crash recovery.</summary>
internal abstract partial class SqlStore
{
    private const string ApprovalColumns = "id, created_at, expires_at, status, action, summary, payload, tier, reason, requested_by, thread_id, cluster, namespace, target, dry_run_diff, decided_by, decided_at, decision_note, claimed_at, executed_at, result, workflow";

    public async Task<Approval> CreateApprovalAsync(NewApproval approval, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        foreach (var (value, name) in new[] { (approval.Action, "Action"), (approval.Summary, "Summary"), (approval.Payload, "Payload"), (approval.Tier, "Tier"), (approval.Reason, "Reason"), (approval.RequestedBy, "RequestedBy") })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"An approval needs {name}.", nameof(approval));
            }
        }

        var created = new Approval
        {
            Id = NewId("apr"),
            CreatedAt = Truncate(now),
            ExpiresAt = Truncate(approval.ExpiresAt),
            Status = ApprovalStatus.Pending,
            Action = approval.Action,
            Summary = approval.Summary,
            Payload = approval.Payload,
            Tier = approval.Tier,
            Reason = approval.Reason,
            RequestedBy = approval.RequestedBy,
            ThreadId = approval.ThreadId,
            Cluster = approval.Cluster,
            Namespace = approval.Namespace,
            Target = approval.Target,
            DryRunDiff = approval.DryRunDiff,
            Workflow = approval.Workflow,
        };
        if (created.ExpiresAt <= created.CreatedAt)
        {
            throw new ArgumentException("An approval must expire after it is created.", nameof(approval));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (created.ThreadId is not null)
        {
            await using var exists = Command(connection, transaction, "SELECT COUNT(*) FROM threads WHERE id = @id");
            Add(exists, "id", created.ThreadId);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                throw new KeyNotFoundException($"thread {created.ThreadId} not found");
            }
        }

        await using (var insert = Command(connection, transaction, """
            INSERT INTO approvals (id, created_at, expires_at, status, action, summary, payload, tier, reason, requested_by, thread_id, cluster, namespace, target, dry_run_diff, workflow)
            VALUES (@id, @created_at, @expires_at, @status, @action, @summary, @payload, @tier, @reason, @requested_by, @thread_id, @cluster, @namespace, @target, @dry_run_diff, @workflow)
            """))
        {
            Add(insert, "id", created.Id);
            Add(insert, "created_at", ToDb(created.CreatedAt));
            Add(insert, "expires_at", ToDb(created.ExpiresAt));
            Add(insert, "status", WireNames.Of(created.Status));
            Add(insert, "action", created.Action);
            Add(insert, "summary", created.Summary);
            Add(insert, "payload", created.Payload);
            Add(insert, "tier", created.Tier);
            Add(insert, "reason", created.Reason);
            Add(insert, "requested_by", created.RequestedBy);
            Add(insert, "thread_id", created.ThreadId);
            Add(insert, "cluster", created.Cluster);
            Add(insert, "namespace", created.Namespace);
            Add(insert, "target", created.Target);
            Add(insert, "dry_run_diff", created.DryRunDiff);
            Add(insert, "workflow", created.Workflow);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<Approval?> GetApprovalAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvalId);
        await using var connection = await OpenAsync(cancellationToken);
        return await GetApprovalAsync(connection, null, approvalId, cancellationToken);
    }

    public async Task<ApprovalPage> ListApprovalsAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, ApprovalQuery.MaxLimit, nameof(query));
        var after = query.Cursor is null ? (PageCursor?)null : PageCursor.Decode(query.Cursor);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Status is { } status)
        {
            where.Add("status = @status");
            Add(command, "status", WireNames.Of(status));
        }

        if (query.ThreadId is not null)
        {
            where.Add("thread_id = @thread_id");
            Add(command, "thread_id", query.ThreadId);
        }

        var (items, next) = await ReadPageAsync(
            command, ApprovalColumns, "approvals", where, after, query.Limit, ReadApprovalsAsync, a => new PageCursor(a.CreatedAt, a.Id), cancellationToken);
        return new ApprovalPage(items, next);
    }

    public async Task<Approval> DecideApprovalAsync(
        string approvalId, ApprovalDecision decision, string decidedBy, string? note, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvalId);
        ArgumentException.ThrowIfNullOrEmpty(decidedBy);
        var to = decision switch
        {
            ApprovalDecision.Approve => ApprovalStatus.Approved,
            ApprovalDecision.Reject => ApprovalStatus.Rejected,
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
        now = Truncate(now);

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);

        // The status and expiry checks are in the UPDATE itself, so two deciders cannot both win.
        await using (var decide = Command(connection, transaction, """
            UPDATE approvals SET status = @to, decided_by = @decided_by, decided_at = @now, decision_note = @note
            WHERE id = @id AND ((status = 'pending' AND expires_at > @now) OR status = 'interrupted')
            """))
        {
            Add(decide, "id", approvalId);
            Add(decide, "to", WireNames.Of(to));
            Add(decide, "decided_by", decidedBy);
            Add(decide, "note", note);
            Add(decide, "now", ToDb(now));
            if (await decide.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                var decided = (await GetApprovalAsync(connection, transaction, approvalId, cancellationToken))!;
                await transaction.CommitAsync(cancellationToken);
                return decided;
            }
        }

        // A late decision still settles the approval: it expires now, in the same transaction.
        var expiredNow = await ExpireAsync(connection, transaction, approvalId, now, cancellationToken) > 0;
        var current = await GetApprovalAsync(connection, transaction, approvalId, cancellationToken)
            ?? throw new KeyNotFoundException($"approval {approvalId} not found");
        await transaction.CommitAsync(cancellationToken);
        throw current.Status == ApprovalStatus.Expired
            ? new ApprovalExpiredException(current, to, expiredNow)
            : new InvalidApprovalTransitionException(approvalId, current.Status, to);
    }

    public async Task<bool> TryClaimApprovalAsync(string approvalId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvalId);
        await using var connection = await OpenAsync(cancellationToken);

        // One statement: SQLite serializes writers; PostgreSQL re-checks the WHERE on the row a concurrent claimer updated.
        await using (var claim = Command(connection, null, "UPDATE approvals SET status = 'executing', claimed_at = @now WHERE id = @id AND status = 'approved'"))
        {
            Add(claim, "id", approvalId);
            Add(claim, "now", ToDb(Truncate(now)));
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return true;
            }
        }

        return await GetApprovalAsync(connection, null, approvalId, cancellationToken) is null
            ? throw new KeyNotFoundException($"approval {approvalId} not found")
            : false;
    }

    public async Task<Approval> CompleteApprovalAsync(string approvalId, ApprovalStatus outcome, string result, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvalId);
        ArgumentNullException.ThrowIfNull(result);
        if (outcome is not (ApprovalStatus.Executed or ApprovalStatus.Failed))
        {
            throw new ArgumentException("An execution ends executed or failed.", nameof(outcome));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var complete = Command(connection, transaction, "UPDATE approvals SET status = @to, result = @result, executed_at = @now WHERE id = @id AND status = 'executing'"))
        {
            Add(complete, "id", approvalId);
            Add(complete, "to", WireNames.Of(outcome));
            Add(complete, "result", result);
            Add(complete, "now", ToDb(Truncate(now)));
            var updated = await complete.ExecuteNonQueryAsync(cancellationToken);
            var current = await GetApprovalAsync(connection, transaction, approvalId, cancellationToken)
                ?? throw new KeyNotFoundException($"approval {approvalId} not found");
            if (updated == 0)
            {
                throw new InvalidApprovalTransitionException(approvalId, current.Status, outcome);
            }

            await transaction.CommitAsync(cancellationToken);
            return current;
        }
    }

    public async Task<IReadOnlyList<Approval>> ListApprovedUnclaimedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {ApprovalColumns} FROM approvals WHERE status = 'approved' ORDER BY decided_at, id");
        return await ReadApprovalsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Approval>> ExpireApprovalsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"UPDATE approvals SET status = 'expired' WHERE status = 'pending' AND expires_at <= @now RETURNING {ApprovalColumns}");
        Add(command, "now", ToDb(Truncate(now)));
        return Oldest(await ReadApprovalsAsync(command, cancellationToken));
    }

    public async Task<IReadOnlyList<Approval>> InterruptExecutingApprovalsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"UPDATE approvals SET status = 'interrupted' WHERE status = 'executing' AND claimed_at <= @before RETURNING {ApprovalColumns}");
        Add(command, "before", ToDb(Truncate(claimedBefore)));
        return Oldest(await ReadApprovalsAsync(command, cancellationToken));
    }

    // RETURNING gives rows in no promised order.
    private static List<Approval> Oldest(List<Approval> items) => [.. items.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];

    private async Task<int> ExpireAsync(DbConnection connection, DbTransaction transaction, string approvalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var expire = Command(connection, transaction, "UPDATE approvals SET status = 'expired' WHERE id = @id AND status = 'pending' AND expires_at <= @now");
        Add(expire, "id", approvalId);
        Add(expire, "now", ToDb(now));
        return await expire.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Approval?> GetApprovalAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {ApprovalColumns} FROM approvals WHERE id = @id");
        Add(command, "id", id);
        var items = await ReadApprovalsAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    private async Task<List<Approval>> ReadApprovalsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<Approval>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? Time(int ordinal) => reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);
            items.Add(new Approval
            {
                Id = reader.GetString(0),
                CreatedAt = ReadTime(reader, 1),
                ExpiresAt = ReadTime(reader, 2),
                Status = WireNames.ParseApprovalStatus(reader.GetString(3)),
                Action = reader.GetString(4),
                Summary = reader.GetString(5),
                Payload = reader.GetString(6),
                Tier = reader.GetString(7),
                Reason = reader.GetString(8),
                RequestedBy = reader.GetString(9),
                ThreadId = NullableString(reader, 10),
                Cluster = NullableString(reader, 11),
                Namespace = NullableString(reader, 12),
                Target = NullableString(reader, 13),
                DryRunDiff = NullableString(reader, 14),
                DecidedBy = NullableString(reader, 15),
                DecidedAt = Time(16),
                DecisionNote = NullableString(reader, 17),
                ClaimedAt = Time(18),
                ExecutedAt = Time(19),
                Result = NullableString(reader, 20),
                Workflow = NullableString(reader, 21),
            });
        }

        return items;
    }
}
