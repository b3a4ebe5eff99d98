namespace KubeTriage.Kubernetes;

/// <summary>Lists how a delete treats dependents.</summary>
public enum PropagationPolicy
{
    /// <summary>Dependents are orphaned.</summary>
    Orphan,

    /// <summary>The owner goes at once; the garbage collector deletes dependents afterwards.</summary>
    Background,

    /// <summary>The owner stays until its blocking dependents are gone.</summary>
    Foreground,
}
