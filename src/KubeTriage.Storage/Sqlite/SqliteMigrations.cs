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
    ];
}
