namespace KubeTriage.Core.Analyzers.Logs;

/// <summary>Kinds of log lines that point at a cause.</summary>
public enum LogSignatureKind
{
    Panic,
    StackTrace,
    FatalError,
    ConnectionRefused,
    NoSuchHost,
    Timeout,
    Forbidden,
    PermissionDenied,
    OutOfMemory,
    CommandNotFound,
}
