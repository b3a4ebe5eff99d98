namespace KubeTriage.Storage;

/// <summary>A schema migration recorded in <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(int Version, string Name, DateTimeOffset AppliedAt);
