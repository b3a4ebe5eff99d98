namespace KubeTriage.Remediation.Policy;

/// <summary>Describes one change to a cluster the policy must judge, whether it comes from a typed action or a kubectl command.</summary>
/// <remarks>
/// Verbs are Kubernetes API verbs (<c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>, <c>deletecollection</c>)
/// plus <c>scale</c> for the scale subresource and <c>exec</c>/<c>attach</c>/<c>port-forward</c>/<c>proxy</c> for
/// connect verbs. Kinds are singular PascalCase (<c>Deployment</c>); an unknown kind stays as written.
/// </remarks>
public sealed record MutationRequest
{
    /// <summary>Gets the Kubernetes API verb.</summary>
    public required string Verb { get; init; }

    /// <summary>Gets the kind of the target object.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the target namespace; null for cluster-scoped objects or when not yet known.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the target name; null when the request addresses many objects (selector, <c>--all</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the labels of the target object, when known.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the label selector of a request that addresses many objects.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets the field selector of a request that addresses many objects.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Gets whether the request addresses every object of its kind (<c>--all</c>).</summary>
    public bool AllObjects { get; init; }

    /// <summary>Gets whether the request spans every namespace (<c>--all-namespaces</c>).</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>Gets how many objects the request would touch, when it was counted (selectors).</summary>
    public int? MatchedObjects { get; init; }

    /// <summary>Gets the change in replicas for a scale request (new minus current).</summary>
    public int? ReplicaDelta { get; init; }

    /// <summary>Gets whether a delete skips graceful termination (<c>--force</c>, <c>--grace-period=0</c>, <c>--now</c> does not count).</summary>
    public bool Force { get; init; }

    /// <summary>Gets the typed action name (<c>rollout-restart</c>, <c>scale</c>, ...) or <c>kubectl</c>.</summary>
    public string Action { get; init; } = "kubectl";

    /// <summary>Gets the kubectl subcommand the request came from (<c>rollout restart</c>, <c>set image</c>); null for typed actions.</summary>
    public string? Command { get; init; }

    /// <summary>Gets the workflow asking (<c>chat</c>, <c>alert</c>, <c>cli</c>), which may carry tighter overrides.</summary>
    public string? Workflow { get; init; }
}
