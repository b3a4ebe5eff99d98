namespace KubeTriage.Kubernetes;

/// <summary>Filters and page size for a list call.</summary>
public sealed record ListOptions
{
    /// <summary>Gets the label selector, e.g. "app=checkout".</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets the field selector, e.g. "status.phase=Running".</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Gets the page size; 0 asks for everything in one reply.</summary>
    public int Limit { get; init; } = 500;
}
