namespace KubeTriage.Remediation.Policy;

/// <summary>The checks no rule can relax: some forbid outright, the rest raise a safe decision to confirm.</summary>
internal static class BuiltInGuards
{
    public static readonly IReadOnlySet<string> SystemNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "kube-system", "kube-public", "kube-node-lease",
    };

    // Cluster-wide blast radius or credentials: a person does these by hand, never through KubeTriage.
    private static readonly HashSet<string> ProtectedKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "Namespace", "Node", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount",
        "CertificateSigningRequest", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
    };

    private static readonly HashSet<string> ConnectVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "exec", "attach", "port-forward", "proxy",
    };

    /// <summary>Returns a forbidden decision when a guard refuses the request outright.</summary>
    public static PolicyDecision? Forbid(MutationRequest request, IReadOnlySet<string> protectedNamespaces, int maxBulkObjects)
    {
        var kind = KubernetesKinds.Canonicalize(request.Kind);
        if (ConnectVerbs.Contains(request.Verb))
        {
            return Forbidden($"'{request.Verb}' opens a session into a workload; KubeTriage never does that", PolicyRuleNames.Connect);
        }

        if (ProtectedKinds.Contains(kind))
        {
            return Forbidden($"{kind} objects are protected: changes to them are done by a person, not by KubeTriage", PolicyRuleNames.ProtectedKind);
        }

        if (string.Equals(kind, "all", StringComparison.OrdinalIgnoreCase))
        {
            return Forbidden("the 'all' category addresses many kinds at once", PolicyRuleNames.Bulk);
        }

        if (request.Namespace is not null && protectedNamespaces.Contains(request.Namespace))
        {
            return Forbidden($"namespace {request.Namespace} is protected", PolicyRuleNames.ProtectedNamespace);
        }

        return ForbidBulk(request, maxBulkObjects) ?? ForbidLargeScale(request);
    }

    /// <summary>Returns a confirm decision when a guard requires a person to look even if a rule says safe.</summary>
    public static PolicyDecision? RequireConfirm(MutationRequest request)
    {
        var kind = KubernetesKinds.Canonicalize(request.Kind);
        if (IsScale(request) && request.ReplicaDelta is null)
        {
            return Confirm("the change in replicas is not known", PolicyRuleNames.ScaleBound);
        }

        if (!KubernetesKinds.IsKnown(kind))
        {
            return Confirm($"kind {kind} is not known to KubeTriage, so its scope cannot be checked", PolicyRuleNames.UnknownKind);
        }

        if (KubernetesKinds.IsClusterScoped(kind))
        {
            return Confirm($"{kind} is cluster-scoped", PolicyRuleNames.ClusterScoped);
        }

        if (request.Namespace is null && !request.AllNamespaces)
        {
            return Confirm("the target namespace is not resolved", PolicyRuleNames.UnresolvedNamespace);
        }

        if (string.Equals(kind, "Secret", StringComparison.Ordinal))
        {
            return Confirm("Secrets hold credentials", PolicyRuleNames.Secret);
        }

        return request.Force
            ? Confirm("a forced delete skips graceful termination", PolicyRuleNames.ForceDelete)
            : null;
    }

    private static PolicyDecision? ForbidBulk(MutationRequest request, int maxBulkObjects)
    {
        if (request.AllNamespaces)
        {
            return Forbidden("requests across all namespaces are bulk operations", PolicyRuleNames.Bulk);
        }

        if (string.Equals(request.Verb, "deletecollection", StringComparison.OrdinalIgnoreCase))
        {
            return Forbidden("deletecollection is a bulk operation", PolicyRuleNames.Bulk);
        }

        if (request.AllObjects)
        {
            return Forbidden($"--all addresses every {request.Kind} in the namespace", PolicyRuleNames.Bulk);
        }

        if (request.Name is not null || string.Equals(request.Verb, "create", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return request.MatchedObjects switch
        {
            null => Forbidden("the request names no object and the number it would touch is unknown", PolicyRuleNames.Bulk),
            var n when n > maxBulkObjects => Forbidden($"the request would touch {n} objects, more than the limit of {maxBulkObjects}", PolicyRuleNames.Bulk),
            _ => null,
        };
    }

    private static PolicyDecision? ForbidLargeScale(MutationRequest request)
        => IsScale(request) && request.ReplicaDelta is { } delta && Math.Abs(delta) > 2
            ? Forbidden($"scaling by {delta:+#;-#;0} replicas exceeds the bound of 2", PolicyRuleNames.ScaleBound)
            : null;

    private static bool IsScale(MutationRequest request)
        => string.Equals(request.Verb, "scale", StringComparison.OrdinalIgnoreCase)
            || string.Equals(request.Action, "scale", StringComparison.OrdinalIgnoreCase);

    private static PolicyDecision Forbidden(string reason, string rule) => new(RiskTier.Forbidden, reason, rule);

    private static PolicyDecision Confirm(string reason, string rule) => new(RiskTier.Confirm, reason, rule);
}
