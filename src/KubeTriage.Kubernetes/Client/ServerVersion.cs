namespace KubeTriage.Kubernetes;

/// <summary>Describes the /version reply of the API server.</summary>
public sealed record ServerVersion(
    string Major,
    string Minor,
    string GitVersion,
    string? GitCommit,
    string? BuildDate,
    string? GoVersion,
    string? Platform);
