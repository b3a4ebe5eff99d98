namespace KubeTriage.Storage.Migrations;

/// <summary>One schema change: applied once, in version order, inside a transaction.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
