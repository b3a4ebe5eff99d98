namespace KubeTriage.Kubernetes;

/// <summary>Options of create and replace calls.</summary>
public sealed record WriteOptions
{
    /// <summary>Gets whether the server only validates and returns the result (dryRun=All).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the field manager recorded in managedFields.</summary>
    public string? FieldManager { get; init; }
}
