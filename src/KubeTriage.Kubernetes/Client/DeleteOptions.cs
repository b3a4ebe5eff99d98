namespace KubeTriage.Kubernetes;

/// <summary>Options of a delete call.</summary>
public sealed record DeleteOptions
{
    /// <summary>Gets whether the server only validates and returns the result (dryRun=All).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the grace period in seconds; 0 deletes immediately.</summary>
    public int? GracePeriodSeconds { get; init; }

    /// <summary>Gets the dependent propagation policy.</summary>
    public PropagationPolicy? PropagationPolicy { get; init; }
}
