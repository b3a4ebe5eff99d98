using KubeTriage.Storage.Migrations;

namespace KubeTriage.Storage.Postgres;

/// <summary>The PostgreSQL schema, version by version; same versions and names as the SQLite one.</summary>
/// <remarks>
/// Ids use the "C" collation so keyset paging compares them byte-wise, as SQLite does. Approval payloads and audit inputs
/// are text, not jsonb: jsonb would reorder keys, and the audit hash covers the exact text.
/// </remarks>
internal static class PostgresMigrations
{
    public const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "threads", """
            CREATE TABLE threads (
                id                    text COLLATE "C" PRIMARY KEY,
                created_at            timestamptz NOT NULL,
                updated_at            timestamptz NOT NULL,
                last_investigation_id text NULL,
                last_report_summary   text NULL
            );
            CREATE TABLE thread_messages (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                thread_id  text COLLATE "C" NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
                role       text NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
                content    text NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX ix_thread_messages_thread ON thread_messages (thread_id, id);
            """),
        new(2, "investigations", """
            CREATE TABLE investigations (
                id                text COLLATE "C" PRIMARY KEY,
                thread_id         text COLLATE "C" NULL REFERENCES threads (id) ON DELETE SET NULL,
                source            text NOT NULL CHECK (source IN ('api', 'stream', 'alert', 'webhook', 'cli')),
                query             text NOT NULL,
                cluster           text NULL,
                namespace         text NULL,
                alert_fingerprint text NULL,
                alert_starts_at   timestamptz NULL,
                status            text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
                created_at        timestamptz NOT NULL,
                started_at        timestamptz NULL,
                finished_at       timestamptz NULL,
                error             text NULL,
                report            jsonb NULL,
                metrics           jsonb NULL
            );
            CREATE UNIQUE INDEX ux_investigations_alert ON investigations (alert_fingerprint, alert_starts_at);
            CREATE INDEX ix_investigations_created ON investigations (created_at DESC, id DESC);
            CREATE INDEX ix_investigations_thread ON investigations (thread_id);
            """),
        new(3, "approvals_audit", """
            CREATE TABLE approvals (
                id            text COLLATE "C" PRIMARY KEY,
                created_at    timestamptz NOT NULL,
                expires_at    timestamptz NOT NULL,
                status        text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'executing', 'executed', 'failed', 'interrupted')),
                action        text NOT NULL,
                summary       text NOT NULL,
                payload       text NOT NULL,
                tier          text NOT NULL,
                reason        text NOT NULL,
                requested_by  text NOT NULL,
                thread_id     text COLLATE "C" NULL REFERENCES threads (id) ON DELETE SET NULL,
                cluster       text NULL,
                namespace     text NULL,
                target        text NULL,
                dry_run_diff  text NULL,
                decided_by    text NULL,
                decided_at    timestamptz NULL,
                decision_note text NULL,
                claimed_at    timestamptz NULL,
                executed_at   timestamptz NULL,
                result        text NULL,
                workflow      text NULL
            );
            CREATE INDEX ix_approvals_created ON approvals (created_at DESC, id DESC);
            CREATE INDEX ix_approvals_status ON approvals (status, expires_at);
            CREATE TABLE audit_records (
                seq           bigint PRIMARY KEY,
                time          timestamptz NOT NULL,
                event         text NOT NULL,
                actor         text NOT NULL,
                agent         text NULL,
                action        text NOT NULL,
                inputs        text NULL,
                outcome       text NULL,
                approval_type text NOT NULL,
                approval_id   text NULL,
                cluster       text NULL,
                namespace     text NULL,
                target        text NULL,
                prev_hash     text NOT NULL,
                hash          text NOT NULL
            );
            CREATE INDEX ix_audit_records_approval ON audit_records (approval_id);
            """),
    ];
}
