namespace KubeTriage.Storage;

/// <summary>The investigation that a create returned, and whether it is new or an earlier one for the same alert.</summary>
public sealed record CreateInvestigationResult(Investigation Investigation, bool Created);
