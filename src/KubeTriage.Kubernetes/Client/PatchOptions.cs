namespace KubeTriage.Kubernetes;

/// <summary>Options of a patch call.</summary>
public sealed record PatchOptions
{
    /// <summary>Gets whether the server only validates and returns the result (dryRun=All).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets the field manager; server-side apply defaults to "kubetriage".</summary>
    public string? FieldManager { get; init; }

    /// <summary>Gets whether server-side apply takes over conflicting fields.</summary>
    public bool Force { get; init; }

    /// <summary>Gets a subresource to patch, e.g. "status" or "scale".</summary>
    public string? Subresource { get; init; }
}
