namespace KubeTriage.Kubernetes;

/// <summary>Describes the object a Status refers to (Status.details).</summary>
public sealed record KubeStatusDetails(
    string? Name,
    string? Group,
    string? Kind,
    string? Uid,
    IReadOnlyList<KubeStatusCause> Causes,
    int? RetryAfterSeconds);
