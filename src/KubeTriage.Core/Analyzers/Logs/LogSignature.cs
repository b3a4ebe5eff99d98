namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>One log line that matched a signature, with the host it names when it names one.</summary>
public sealed record LogSignature(LogSignatureKind Kind, string Line, string? Host, int? Port);
