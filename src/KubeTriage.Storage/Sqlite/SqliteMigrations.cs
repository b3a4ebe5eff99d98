using KubeTriage.Storage.Migrations;

namespace KubeTriage.Storage.Sqlite;

/// <summary>The SQLite schema, version by version. Timestamps are fixed-width ISO 8601 UTC text so text order is time order.</summary>
internal static class SqliteMigrations
{
    public const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "threads", """
            CREATE TABLE threads (
                id                    TEXT PRIMARY KEY,
                created_at            TEXT NOT NULL,
                updated_at            TEXT NOT NULL,
                last_investigation_id TEXT NULL,
                last_report_summary   TEXT NULL
            );
            CREATE TABLE thread_messages (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                thread_id  TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
                role       TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
                content    TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_thread_messages_thread ON thread_messages (thread_id, id);
            """),
        new(2, "investigations", """
            CREATE TABLE investigations (
                id                TEXT PRIMARY KEY,
                thread_id         TEXT NULL REFERENCES threads (id) ON DELETE SET NULL,
                source            TEXT NOT NULL CHECK (source IN ('api', 'stream', 'alert', 'webhook', 'cli')),
                query             TEXT NOT NULL,
                cluster           TEXT NULL,
                namespace         TEXT NULL,
                alert_fingerprint TEXT NULL,
                alert_starts_at   TEXT NULL,
                status            TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
                created_at        TEXT NOT NULL,
                started_at        TEXT NULL,
                finished_at       TEXT NULL,
                error             TEXT NULL,
                report            TEXT NULL,
                metrics           TEXT NULL
            );
            CREATE UNIQUE INDEX ux_investigations_alert ON investigations (alert_fingerprint, alert_starts_at);
            CREATE INDEX ix_investigations_created ON investigations (created_at DESC, id DESC);
            CREATE INDEX ix_investigations_thread ON investigations (thread_id);
            """),
        new(3, "approvals_audit", """
            CREATE TABLE approvals (
                id            TEXT PRIMARY KEY,
                created_at    TEXT NOT NULL,
                expires_at    TEXT NOT NULL,
                status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'executing', 'executed', 'failed', 'interrupted')),
                action        TEXT NOT NULL,
                summary       TEXT NOT NULL,
                payload       TEXT NOT NULL,
                tier          TEXT NOT NULL,
                reason        TEXT NOT NULL,
                requested_by  TEXT NOT NULL,
                thread_id     TEXT NULL REFERENCES threads (id) ON DELETE SET NULL,
                cluster       TEXT NULL,
                namespace     TEXT NULL,
                target        TEXT NULL,
                dry_run_diff  TEXT NULL,
                decided_by    TEXT NULL,
                decided_at    TEXT NULL,
                decision_note TEXT NULL,
                claimed_at    TEXT NULL,
                executed_at   TEXT NULL,
                result        TEXT NULL,
                workflow      TEXT NULL
            );
            CREATE INDEX ix_approvals_created ON approvals (created_at DESC, id DESC);
            CREATE INDEX ix_approvals_status ON approvals (status, expires_at);
            CREATE TABLE audit_records (
                seq           INTEGER PRIMARY KEY,
                time          TEXT NOT NULL,
                event         TEXT NOT NULL,
                actor         TEXT NOT NULL,
                agent         TEXT NULL,
                action        TEXT NOT NULL,
                inputs        TEXT NULL,
                outcome       TEXT NULL,
                approval_type TEXT NOT NULL,
                approval_id   TEXT NULL,
                cluster       TEXT NULL,
                namespace     TEXT NULL,
                target        TEXT NULL,
                prev_hash     TEXT NOT NULL,
                hash          TEXT NOT NULL
            );
            CREATE INDEX ix_audit_records_approval ON audit_records (approval_id);
            """),
    ];
}
