namespace KubeTriage.Kubernetes;

/// <summary>Describes one cause of a failure, e.g. an invalid field (Status.details.causes[]).</summary>
public sealed record KubeStatusCause(string? Reason, string? Message, string? Field);
