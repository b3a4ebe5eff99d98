namespace KubeTriage.Server.Investigations;

/// <summary>One step of an investigation, streamed to clients as it happens.</summary>
public sealed record InvestigationProgress(string Agent, string Step, string Detail);
