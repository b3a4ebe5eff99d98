namespace KubeTriage.Kubernetes;

/// <summary>Lists the patch formats the API server accepts.</summary>
public enum PatchType
{
    /// <summary>JSON merge patch (application/merge-patch+json).</summary>
    Merge,

    /// <summary>Strategic merge patch for built-in types (application/strategic-merge-patch+json).</summary>
    StrategicMerge,

    /// <summary>RFC 6902 JSON patch (application/json-patch+json).</summary>
    Json,

    /// <summary>Server-side apply (application/apply-patch+yaml; JSON is valid YAML).</summary>
    Apply,
}
